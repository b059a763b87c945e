"""Every word list the project reads text by, each entry with its reason: one module.

`ingest.records` reads a report's structure (list headings, tables, `Field: value` lines,
"X should:" groups, "Standard: grade" lines); where a word decides what a structure means, it
is listed here, once. Every entry is about the genre of youth justice inspection reports, never
about one report: a report whose layout uses none of them simply yields no record of that kind.

`retrieval` reads a question's form by the phrases further down ("--- questions ---"): which
report a question points at (latest, previous, before 2016), what kind of answer it wants (a
number, a date, a person), and whether it continues an earlier turn. They are matched on words
(`retrieval.text.Cue`), never on characters. A phrase is words separated by spaces: `a|b` is
either word, a trailing `?` makes a word optional, a trailing `*` matches any ending, `*` alone
is any one word and `#year` a year. None is tied to a particular question, report or area: what
a question is *about* is read by meaning (`retrieval/intents.yaml`), not from these.
"""

from __future__ import annotations

# --- grades -----------------------------------------------------------------------------------

# Grades as inspection reports print them, lower-case. Only a value in one of these words makes
# a `Theme: value` line, a two-cell table row or an "is rated" sentence a rating.
GRADES: dict[str, str] = {
    "outstanding": "the four-point scale of the 2018 youth offending service standards",
    "good": "the same scale",
    "requires improvement": "the same scale",
    "inadequate": "the same scale",
    "minimum improvement required": "the full joint inspection scores before 2018",
    "moderate improvement required": "the same scores",
    "substantial improvement required": "the same scores",
    "drastic improvement required": "the same scores",
}

# The heading of a part that gathers a report's or a chapter's notes, numbered "1.", "2." in
# body type (a PDF laid out with endnotes): its numbered paragraphs are notes, not findings.
NOTES_HEADINGS: dict[str, str] = {
    "notes endnotes footnotes": "what such a part is called",
    "references sources": "notes that only give where a figure comes from",
}

# How a follow-up table marks an earlier inspection's area requiring improvement, lower-case: a
# cell of these words alone under the area's name is its verdict, as a grade is a standard's.
PROGRESS_STATUSES: dict[str, str] = {
    "improved": "the area was put right",
    "partly improved": "some of it was",
    "partially improved": "the same, in other words",
    "not improved": "none of it was",
}

# Words a sentence puts right before a grade when it states one ("was rated Good", "we rated
# planning as Inadequate", "was outstanding"): "a good range of interventions" states none.
GRADE_STATED_AFTER: dict[str, str] = {
    "was were is are be been being remains remained": "the grade as what the work was",
    "as rated judged graded": "the grade as what inspectors gave",
    "of": "the grade given as a rating ('an overall rating of Requires improvement')",
}

# Headings (lower-case) over the report's overall judgement: a grade in the paragraph below one
# is the overall rating.
OVERALL_RATING_HEADINGS: dict[str, str] = {
    "overall rating": "the 2018 framework's heading for the service's single grade",
    "overall judgement": "how older and thematic reports name it",
    "overall": "a ratings table's last row names it so",
}

# The `subject` of the overall rating's `rating` record (the standards' records carry theirs as
# printed): a filter over standards ("which standards were rated Good?") leaves it out by this.
OVERALL_RATING_SUBJECT = "Overall rating"

# Field names (lower-case) in front of a grade that mean "the grade of the section above":
# `Rating: Good` under a standard's heading.
RATING_FIELDS: dict[str, str] = {
    "rating": "the 2018 framework prints it under each standard's heading",
    "grade": "an older spelling of the same",
    "judgement": "thematic and joint reports",
}

# --- facts ------------------------------------------------------------------------------------

# An email's header fields: a run of fields with a subject and one of these is the header of
# an email that carries a report (forwarded, pasted in), whose "From:" and "To:" are not the
# report's signatory and addressee.
EMAIL_HEADER_FIELDS: dict[str, str] = {
    "subject": "every email client prints the subject line",
    "sent": "Outlook's date field",
    "date": "other clients' date field",
}

# Words that ask for a letter's copy list ("Who was the letter copied to?", "Who received
# copies?"): the officials sent a copy, not the person the letter is addressed to.
COPY_LIST_WORDS: dict[str, str] = {
    "copy": "a letter's 'Copy to' list",
    "copies": "the same, plural",
    "copied": "the same, as a verb",
}

# Header fields and two-cell table rows (`Lead inspector: …`, `YOS Manager | …`) whose name
# says which fact the value is; lower-case, without the colon.
FACT_FIELDS: dict[str, tuple[str, str]] = {
    "lead inspector": ("lead_inspector", "the field rated reports print in their front block"),
    "to": ("addressee", "a screening letter's address block: whom the letter is to"),
    "from": ("signatory", "the same block: who sends and signs the letter"),
    "fieldwork": ("fieldwork_dates", "front block of rated reports"),
    "fieldwork dates": ("fieldwork_dates", "the same, spelt out"),
    "inspection dates": ("fieldwork_dates", "older reports"),
    "dates of inspection": ("fieldwork_dates", "older reports"),
    "publication date": ("publication_date", "a letter's address block"),
    "published": ("publication_date", "front block of rated reports"),
    "date of publication": ("publication_date", "older reports"),
    "date": ("letter_date", "a letter's front block ('Date: 22 November 2016'): the date it bears"),
    "date of letter": ("letter_date", "the same, spelt out"),
    "letter date": ("letter_date", "the same"),
    "overall rating": ("overall_rating", "a front-block field in some rated reports"),
    "cases inspected": ("cases_inspected", "a front-block field or a table's heading"),
    "number of cases inspected": ("cases_inspected", "the same, spelt out"),
    "yos manager": ("service_manager", "the copy list's first row in screening letters"),
    "yot manager": ("service_manager", "the same where the service is a team"),
    "head of service": ("service_manager", "how rated reports name the service's manager"),
    "youth offending service manager": ("service_manager", "the same, spelt out"),
    "youth offending team manager": ("service_manager", "the same, spelt out"),
}

# Role titles that, written as an apposition in prose ("the YOS Manager, Raymond Ashdown,"),
# name the service manager; lower-case.
SERVICE_MANAGER_TITLES: dict[str, str] = {
    name: reason for name, (subject, reason) in FACT_FIELDS.items() if subject == "service_manager"
}

# The plan a letter asks the service to send after it, by a date or within a time ("Please
# send us an improvement plan … by 25 November 2016"): the names it goes by; lower-case.
PLAN_NAMES: dict[str, str] = {
    "improvement plan": "screening letters' next steps",
    "action plan": "the same in some letters and e-mails",
    "post-inspection plan": "rated reports' closing lines",
    "completed plan": "a covering e-mail's ('the completed plan is returned to her by …')",
}

# Verbs that, right before "N cases", say N cases were inspected ("We examined 14 cases").
CASES_VERBS: dict[str, str] = {
    "examined": "screening letters' Context paragraph",
    "inspected": "full joint and rated reports",
    "looked at": "screening letters",
    "reviewed": "thematic reports",
    "read": "screening letters ('Inspectors read 18 cases')",
    "assessed": "joint inspections ('Inspectors assessed a representative sample of 68 cases')",
}
# After "N cases", words that make N the total inspected ("36 cases in all").
# How a report says how many children the service was supervising ("the YJS was working with 87
# children: 49 under court orders and 38 …"); the number follows the verb.
SUPERVISING_VERBS: dict[str, str] = {
    "supervising": "rated reports' account of the service and its area",
    "working with": "the same",
    "supervised": "the same, in the past",
    "responsible for": "the same",
    "under yjs supervision": "a key fact's label ('Children under YJS supervision at …')",
    "under yos supervision": "the same, before services were renamed",
}
# How a report says how many staff the service has ("The YJS employs 38 staff, including 12
# case managers"): the verb right before the number.
STAFF_VERBS: dict[str, str] = {
    "employs": "rated reports' account of the service and its area",
    "employed": "the same, in the past",
    "has": "the same ('The YJS has 24 staff')",
    "had": "the same, in the past",
    "working": "a key fact's label ('Staff working in the YJS')",
}
CASES_TOTAL: dict[str, str] = {
    "in all": "a total after its parts",
    "in total": "the same",
}

# A table whose heading or header row holds this word counts cases: its `Total` row is the
# number of cases inspected when no sentence states it ("Cases inspected", "Case type | Number").
CASES_TABLE_CUE = "case"

# Words in a sentence that mark a date range as the fieldwork ("The inspection was conducted
# from 27-29 April 2015"); lower-case.
FIELDWORK_CUES: dict[str, str] = {
    "conducted": "screening letters' opening sentence",
    "fieldwork": "rated and thematic reports",
    "took place": "letters and thematic reports",
    "carried out": "letters",
    "visited": "letters that open 'Inspectors visited … from 8 to 10 October'",
}

# Words that mark a figure as the national one beside the area's ("the England and Wales
# average of 36.1%", "40.9% for England and Wales"); lower-case.
NATIONAL_CUES: dict[str, str] = {
    "england and wales": "how every youth justice report names the national figure",
    "national": "the same, in thematic reports",
}

# What a sentence must mention for its percentages to be reoffending rates; lower-case.
REOFFENDING_CUE = "reoffending rate"  # "published/proven reoffending rate": every report type

# The verbs that make a line "X should:" the heading of a group of recommendations for X.
OWNER_VERBS: dict[str, str] = {
    "should": "every inspectorate's recommendations",
    "must": "stronger recommendations and older reports",
}

# --- questions over records (retrieval.structured) --------------------------------------------

# How a question asks for a figure greater, or smaller, than the national one ("Where was
# reoffending above the national rate?"); lower-case single words.
ABOVE_WORDS: dict[str, str] = {
    "above": "above the national rate",
    "higher": "higher than the England and Wales figure",
    "exceeded": "exceeded the national average",
    "over": "over the national figure",
    "worse": "a worse reoffending rate is a higher one",
}
BELOW_WORDS: dict[str, str] = {
    "below": "below the national rate",
    "lower": "lower than the England and Wales figure",
    "under": "under the national average",
    "better beat beats": "a better reoffending rate is a lower one ('beat the national average')",
}

# Words between a figure and a national cue that set the figure against it ("was 31.2%, below
# the England and Wales average of 32.4%"): that figure is not the national one.
SET_AGAINST: dict[str, str] = {
    "below above": "a local figure compared with the national one",
    "higher lower": "the same",
    "compared compares against than versus vs": "the same",
    "while whereas": "the same",
}


# Lower-case headings over a report's overall verdict: questions about the overall picture favour
# the paragraphs under these (one reason each).
SUMMARY_HEADINGS: dict[str, str] = {
    "summary": "screening letters open with it",
    "executive summary": "rated and thematic reports",
    "overall rating": "the 2018 framework's single judgement",
    "overall judgement": "older and thematic reports",
    "overview": "full joint inspections",
    "conclusion": "thematic reports close with it",
    "conclusions": "the same, plural",
    "key findings": "thematic reports open with them",
    "summary of findings": "the same, in other thematic reports",
}


# A question asking for the headline on a topic ("Give me the headlines on our out-of-court
# work", "court disposals summary", "Sum up how we did with …"): the report's own verdict on
# it, in its foreword or summary, leads.
HEADLINE_ASK: dict[str, str] = {
    "headline|headlines|summary|summarise|summarize|overview|gist": "the verdict on a topic",
    "sum up": "the same, as a verb",
    "in brief|short|nutshell": "the same, asked briefly ('how is it looking, in brief?')",
}
# The parts of a report that give its verdict in a few sentences, beside SUMMARY_HEADINGS: a
# rated inspection's foreword by the Chief Inspector.
VERDICT_HEADINGS: dict[str, str] = {"foreword": "the Chief Inspector's summary of a rated report"}
# How a paragraph that gives the report's own verdict on the whole opens, wherever it stands
# (a letter with no Summary heading: "Overall, we found that work to reduce reoffending …").
SUMMARY_OPENERS: dict[str, str] = {
    "overall,": "a report's verdict on the whole",
    "in summary,": "the same",
    "in conclusion,": "the same, closing a report",
}


# Lower-case headings over an introduction that may sum a report up: an overall-picture question
# favours them half as much as a summary heading (a thematic with both sums up in its summary).
SUMMARY_FALLBACK_HEADINGS: dict[str, str] = {
    "foreword": "thematic and joint inspections open with the chief inspector's foreword",
}


# Words that, anywhere in a question, name a list without its full heading.
LIST_WORDS: dict[str, str] = {
    "strengths": "strength",  # "What were the strengths?"
    "recommendation": "recommendation",  # "recommendation", "recommendations"
    "recs": "recommendation",  # "How many recs did Ravensgarth receive?"
}


# --- questions: which reports ------------------------------------------------------------------

# A question for an area's newest report.
LATEST: dict[str, str] = {
    "latest": "the newest report",
    "most recent": "the same",
    "newest": "the same",
    "current": "the state of things now: the newest report",
    "currently": "the same",
    "now|nowadays|today": "the state of things now: the newest report",
    "these days": "the same",
    "at present": "the same",
    "at the moment": "the same",
    "this time round|around": "the inspection now, as against the last one: the newest report",
    "recently|lately": "a time near now: the newest report",
    "last inspected|visited|screened|rated": "a verb after 'last' ('when we were last "
    "inspected'): the newest time it happened",
    "last time we|they|you|it|inspectors was|were|visited|came": "'last time we were inspected' "
    "(not 'better than last time'): the newest inspection",
}
# The present, set against a year named ("Who chaired it in 2016, and who chairs it now?"): that
# year's report and the newest.
NOW: dict[str, str] = {
    "now|nowadays|today|currently": "the present",
    "these days": "the same",
    "at present": "the same",
    "at the moment": "the same",
    "last inspection|report|visit|time": "the last one held, i.e. the newest",
}
# A question for the report before the newest (or, in a follow-up, before the one discussed).
PREVIOUS: dict[str, str] = {
    "previous": "the report before",
    "prior": "the same",
    "earlier": "the same",
    "preceding": "the same",
}
# Phrases that start like PREVIOUS but bound a time instead ("prior to 2016").
PREVIOUS_NOT: dict[str, str] = {"prior|previous to": "a time bound, not the previous report"}
# In a follow-up, "last time" is the inspection before the one the conversation is about.
LAST_TIME: dict[str, str] = {"last time": "the inspection before the one discussed"}
# A question for an area's first report.
FIRST: dict[str, str] = {
    "first": "the oldest report",
    "earliest": "the same",
    "original": "the same",
    "oldest": "the same",
}
# Phrases that start like FIRST but name an occasion ("entering the system for the first time",
# "first time entrants"): no report is picked by them.
FIRST_NOT: dict[str, str] = {"first time|times|timer|timers": "an occasion, not the oldest report"}
# A question about the collection asking for areas inspected more than once.
REPEATED: dict[str, str] = {
    "more than one|once": "areas with several reports",
    "two or more": "the same",
    "several|multiple|repeat*": "the same",
    "again": "areas inspected again",
}
# In a follow-up: the inspection after the one discussed.
# A question asked with no conversation before it about the inspection after the newest: no
# stored report can tell of it ("When is the next full inspection booked in for?").
NEXT_REPORT: dict[str, str] = {
    "next full? joint? inspection|inspections|visit|visits|screening|report": "one still to come",
    "next * inspection|visit|screening|report": "the same, of a place ('the next Marshbury visit')",
    "next * * inspection|visit|screening|report": (
        "the same, two words between ('the next youth justice inspection')"
    ),
    "next due? to? be? inspect|inspected|visit|visited|screen|screened": (
        "the same, told with a verb ('when are we next due to be inspected')"
    ),
}
# A "when" question about an inspection in the future tense ("When are the inspectors coming back
# to look at us?", "When will we be inspected again?"): one no stored report tells of.
FUTURE_ASK: dict[str, str] = {
    "will|shall": "the future tense",
    "going to": "the same",
    "coming|come back|again": "a visit still to come",
}
# Before NEXT_REPORT, a time up to the next inspection: what to do until then, which the
# reports do tell ("What should the service focus on before the next inspection?").
UNTIL_NEXT: dict[str, str] = {
    "before|until|by|for|ahead|prior the? next": "a time up to the next inspection",
    "of|to the next": "the same, after 'ahead' or 'prior'",
}
NEXT: dict[str, str] = {
    "next": "the following inspection",
    "later": "the same",
    "following": "the same",
    "subsequent": "the same",
    "since then": "what came after the one discussed",
    "afterwards|afterward": "the same ('And what happened to him afterwards?')",
    "by then": "the same",
}
# A question about change across an area's inspections: every report of the area, not one.
# Of CHANGE: whether something found before goes on ("Is it still running?"): the newer report
# answers, the earlier one is what it is set against.
PERSISTS: dict[str, str] = {
    "still": "whether it goes on",
    "anymore|any more": "the same, negated",
    "continu*|remain*": "the same",
}
CHANGE: dict[str, str] = {
    "improv*": "improved, improvement: change over time",
    "chang*": "changed, changes",
    "progress*": "progress made since",
    "better": "a comparison with before",
    "worse": "the same",
    "deteriorat*": "the same",
    "compar*": "compare, comparison",
    "differ*": "difference, differ",
    "between its|the two|2": "both of an area's inspections",
    "both inspections": "the same",
    "two inspections": "the same",
    "over time": "change over time",
    "since": "change since an earlier report",
    "still": "whether something persists from an earlier report",
    "again": "the same",
    "anymore": "the same",
    "any more": "the same",
}
# A question that sets two reports or areas side by side.
COMPARE: dict[str, str] = {
    "compar*": "compare, comparison",
    "versus": "the same",
    "vs": "the same, abbreviated",
    "differ*": "difference, differ",
    "contrast": "the same",
    "both": "two sides at once",
    "between": "the same",
}
# Two named things offered as alternatives ("Greyhaven or Oakhollow?"): a comparison of them.
ALTERNATIVES: dict[str, str] = {"or": "one named thing or another: which of them"}
# Years written after all the areas of a comparison apply to each ("at their 2016 screenings").
EACH_SIDE: dict[str, str] = {
    "their": "a year shared by the areas named",
    "both": "the same",
    "each": "the same",
}
# A year after these words bounds the reports searched ("Before 2016, what had inspectors said").
BEFORE_YEAR: dict[str, str] = {
    "before the? #year": "reports older than the year",
    "prior to the? #year": "the same",
    "earlier than the? #year": "the same",
}
AFTER_YEAR: dict[str, str] = {
    "after the? #year": "reports newer than the year",
    "later than the? #year": "the same",
}
# Phrases that start like CHANGE but ask something else.
CHANGE_NOT: dict[str, str] = {
    "since when": "asks when something began, a date, not a change",
    "better|worse|higher|lower or? better|worse|higher|lower? than the? national*|england|average": (
        "the area set against the national figure, not against an earlier report"
    ),
    "compar*|compared with|to|against the? national*|england|average": "the same",
}
# Phrases that end in a change word but ask of no change between reports: "How often do kids
# go on to offend again?" asks for the reoffending rate.
CHANGE_NOT_AFTER: dict[str, str] = {
    "offend|offends|offended|reoffend|reoffends|re-offend again": "'offend again' is reoffending",
    "trouble again": "the same, in a parent's words ('get into trouble again')",
    "need|needs|needed|needing|require|requires|required|requiring improvement": (
        "a grade or a list's name ('Requires improvement', 'need improvement'), not a change"
    ),
}
# A year after these words is a time in the text ("since 2016"), not necessarily a report's year.
SOFT_YEAR: dict[str, str] = {
    "since|until|by|from|before|after the? #year": "a time span, not a report's year",
    "during|throughout #year": "the same: what happened within a year",
}
# A time bound is about reports only when it opens the question or the question is about what
# reports said ("what had inspectors said before 2016"); otherwise it is about the work.
REPORT_LEVEL: dict[str, str] = {
    "inspector*|inspection*|report*|letter*|screening* had? say|said|found|find|report*|note*": (
        "what a report said or found"
    ),
}
# A year in a question with one of these words names a report ("the 2019 inspection",
# "inspectors found in 2019"); without one, a year no report is dated may be a time in the text
# ("children who completed a caution in 2023", told in a 2024 report).
REPORT_NOUNS: dict[str, str] = {
    "inspect*|inspector*": "the inspection, or what its inspectors did",
    "screening*|report*|letter*|visit*|fieldwork": "a report, or the visit it tells of",
    "rated|rating*|grade*|graded": "grades are given at an inspection",
}
# What a question about the stored collection itself asks for, beside REPORT_NOUNS: a
# question with none of these ("Which specialists do partner agencies second into our team?")
# asks what a report says, whatever its form.
COLLECTION_OBJECTS: dict[str, str] = {
    "area|areas|place|places|partnership|partnerships|authority|authorities": (
        "the places the stored reports are about"
    ),
    "one|ones|latest|newest|oldest|earliest|recent|previous": "a report named by its place in time",
    "collection|database|library|store|stored|hold|held|covered|cover": "the collection itself",
}
# The words that follow an area's name in the name of its service ("Brackenford Youth Justice
# Service", "Kelsworth YJS"): a question naming a service names the area it asks about.
SERVICE_NAMES: dict[str, str] = {
    "youth justice|offending service|services|team|teams|partnership": "a service named in full",
    "youth justice|offending work": "the same, as a screening's title names it",
    "yjs|yos|yot|yots|yjt": "the same, by its initials",
}
# Of REPORT_NOUNS: words that name the reports compared ("between the 2016 letter and the 2023
# inspection"). They pick the reports, as areas and years do; inside them they favour the
# paragraphs that speak of letters and inspections (a letter's opening), not of the topic.
# Not "screening": children are screened ("communication screening").
REPORT_NAMES: dict[str, str] = {
    "letter letters inspection inspections report reports visit visits sqs fji": (
        "the reports compared, named"
    ),
}
# Of REPORT_NAMES: how many reports, counted right before their name ("the two reports"): a
# word of the naming, not of the topic.
REPORT_COUNTS: dict[str, str] = {"two both three": "the reports named, counted"}

# --- questions: what kind of answer -------------------------------------------------------------

# Little words a question may open with before its real first word ("And who led it?").
LEADING_CONJUNCTIONS: dict[str, str] = {
    "and": "a follow-up",
    "so": "the same",
    "but": "the same",
}
# A question (or a clause after a comma) opening with one of these wants yes or no.
YES_NO_OPENERS: dict[str, str] = {
    "did|was|were|is|are|has|have|had|does|do": "auxiliary verbs open closed questions",
    "could|can|should|would|will": "modal verbs open closed questions",
}
# A request put as a question ("Can you summarise the 2016 screening?") asks what follows it,
# and wants no yes or no.
REQUEST_OPENERS: dict[str, str] = {
    "can|could|would|will you please?": "a polite request: the rest is what is asked",
    "please": "the same",
}
# A question opening with one of these is open, whatever follows.
WH_OPENERS: dict[str, str] = {
    "what|how|who|which|why|where": "open questions",
    "what's|how's|who's|where's|when's": "the same, contracted (one word)",
}
# A word for grading: a question using one asks for a grade, whatever else its meaning is near
# ("How did inspectors grade the court-order planning, and why?"), of a report that has grades.
RATING_ASK: dict[str, str] = {
    "grade|grades|graded|grading": "the grade given",
    "rated|rating|ratings": "the same (not 'rate': a reoffending rate is a number)",
    "judgement|judgements|judgment|judgments": "an inspection's judgement on a standard",
    "marked down|up": "users' words for a grade lower or higher than they hoped",
}
# A grade asked yes or no of the service as a whole ("Was Thornaby YJS rated Good overall?"):
# the overall grade, not the standards given that grade.
OVERALL_GRADE_ASK: dict[str, str] = {"overall": "the service's one grade, asked of as a whole"}
# A word for the overall score a rated inspection prints beside its grade ("Score: 22/36"): the
# overall grade asked with one is answered by the score, where the report prints one.
SCORE_ASK: dict[str, str] = {
    "score|scores|scored|scoring": "the score out of a maximum, not the grade",
    "points": "users' word for the same",
}
# The inspectorate that writes every stored report, by the short names askers use ("How many
# cases did HMI Probation look at?"): the reports' author, never a topic they must print (a
# letter signs as "HM Inspectorate of Probation").
OWN_INSPECTORATE: dict[str, str] = {
    "hmi hmip": "HM Inspectorate of Probation, by its initials",
}
# Asking when something happened set against a report named ("Was she appointed before or
# after the 2016 screening?"): the report named is a time, not the one that must tell of it.
RELATIVE_TO_REPORT: dict[str, str] = {
    "before|after or before|after": "when something happened, against the time of a report",
}
# Everyday words written in capitals like an acronym: no name a report must print ("Was our
# base OK for meeting kids?").
EVERYDAY_CAPITALS: dict[str, str] = {"ok": "'all right', in speech"}
# Other inspectorates. The reports' grades are HM Inspectorate of Probation's, of the youth
# justice service; a grade asked "from Ofsted" is answered only by a sentence that gives one and
# names that body ("What rating did Ofsted give our children's services?").
OTHER_INSPECTORATES: dict[str, str] = {
    "ofsted": "children's services, schools and colleges",
    "care quality commission|cqc": "health services",
    "hmicfrs|hmic": "police forces",
    "estyn": "education in Wales",
    "care inspectorate wales|ciw": "social care in Wales",
}
# A question that asks what was graded low ("Did we get marked down on anything?") names the
# grades below Good, the lower half of each scale in GRADES.
MARKED_DOWN: dict[str, str] = {"marked down|downgraded": "graded below Good"}
# Words right before a grade that ask for the grades below or above it on its scale ("Which
# standards came out below Good?": Requires improvement and Inadequate, not Good).
GRADE_BELOW: dict[str, str] = {
    "below|under": "a grade lower on the scale",
    "lower|worse|less than": "the same, compared",
}
GRADE_ABOVE: dict[str, str] = {
    "above|beyond": "a grade higher on the scale",
    "higher|better than": "the same, compared",
}
# A question that asks for the best or worst grade given ("Which parts got the very top grade?",
# "What was rated worst?") names the highest or lowest grade the report printed: GRADES lists
# each scale from its highest grade down.
BEST_GRADE: dict[str, str] = {
    "top|highest|best|strongest grade*|rating*|mark*|score*|judgement*": "the best grade given",
    "rated|graded|scored|marked top|highest|best": "the same, said of the work",
    "came|come|comes out best|top": "the same, in users' words ('which part came out best?')",
}
# A rating question that asks for every standard's grade ("What were Quenbridge's ratings in
# 2022?", "ratings by standard", "How was each standard rated?"), naming no standard or grade.
EVERY_GRADE: dict[str, str] = {
    "ratings|grades|gradings|judgements|judgments|standards": "grades, plural: one per standard",
    "each|every|all standard*|area*|part*|domain*": "the same, asked of every standard",
    "by|per standard": "the same ('ratings by standard')",
}
WORST_GRADE: dict[str, str] = {
    "lowest|worst|poorest|weakest|bottom grade*|rating*|mark*|score*|judgement*": (
        "the worst grade given"
    ),
    "rated|graded|scored|marked lowest|worst|poorest|weakest": "the same, said of the work",
    "came|come|comes out worst|bottom|lowest": "the same, in users' words",
}
# "Requires improvement" as users name it, a grade the question asks for ("Which standards
# were marked as needing improvement?")
REQUIRES_IMPROVEMENT_SAID: dict[str, str] = {
    "need|needs|needing|needed improvement|improving": "'requires improvement', in other words",
}
LOW_GRADES: dict[str, str] = {
    "requires improvement": "below Good on the four-point scale",
    "inadequate": "the lowest grade of that scale",
    "substantial improvement required": "the lower half of the joint inspections' scores",
    "drastic improvement required": "the lowest of those scores",
}
# A question that wants a number.
# Phrases that start like QUANTITY but ask a degree, not a number: "how much progress has the
# service made?" is answered in words.
QUANTITY_NOT: dict[str, str] = {
    "how much progress|improvement|better|worse|difference|change|impact|effect": (
        "a degree of change or effect, told in words"
    ),
}
QUANTITY: dict[str, str] = {
    "how many|much": "a count or amount",
    "how long|often|frequently|quickly|soon|fast": "a duration or frequency",
    "quicker|quickest|faster|fastest|sooner|slower|slowest": "which came sooner: durations",
    "how high|low": "a level",
    "how big|large|small": "a size: a count ('how big is the team?')",
    "more|fewer|less or more|fewer|less": "which of two counts is greater ('more or fewer children')",
    "percentage": "a share",
    "proportion": "the same",
    "share": "the same",
    "number of": "a count",
    # "rate" as a noun; "How did inspectors rate planning?" asks for a grade
    "the|a|its|their|what|which|this|that rate": "a rate asked for",
    "rate of|was|is|were|for|in|did|does|has|had": "the same",
    "reoffending|attendance|entrant|entrants|custody|remand|completion|conversion rate": (
        "a named rate"
    ),
    "average": "an average",
    "figure": "a figure",
    "waiting time*|list*": "a wait",
}
# Of QUANTITY: a question about time taken, answered by a duration ("within 10 working days").
DURATION: dict[str, str] = {
    "how long|quickly|soon|fast": "a duration",
    "quicker|quickest|faster|fastest|sooner|slower|slowest": "which came sooner: durations",
}
# Of DURATION: how a report tells a time by when it began ("in post since September 2019"):
# "How long has she been running the service?" is answered by the date after one of these.
STARTED_AT: dict[str, str] = {"since": "a time told by the date it began"}
# How reports tell the year something happened ("The office closed in 2017"): a "when" question
# none of whose best passages prints a date is answered by the year after one of these.
HAPPENED_IN: dict[str, str] = {"in during": "the year something happened"}
# Of QUANTITY: a frequency, which reports give per period ("every month") or as a share of the
# cases ("had contacted the victim in 9 of the 18 cases").
FREQUENCY: dict[str, str] = {"how often|frequently": "a frequency"}
# How reports print a frequency per period ("met every fortnight", "twice a week", "monthly").
PERIODIC: dict[str, str] = {
    "every|each|a|per day|week|fortnight|month|quarter|term|year": "once in each period",
    "daily|weekly|fortnightly|monthly|quarterly|annually": "the same, in one word",
    "every|each monday|tuesday|wednesday|thursday|friday|saturday|sunday": (
        "once a week, on that day ('the panel meets every Wednesday')"
    ),
}
# A finding's verdict, as reports give one in words ("Out-of-court work is a real strength",
# "the assessment of these cases was outstanding"): what "how are we doing on X?" asks for.
VERDICT_WORDS: dict[str, str] = {
    "strength strengths strongest weakness weaknesses weakest": "a strength or a weakness",
    "impressive excellent effective ineffective poor outstanding inadequate": "a judgement",
    "good improvement": "a grade's words ('Good', 'Requires improvement')",
}
# A question asking how a piece of work went, in sum: a verdict answers it best.
VERDICT_ASK: dict[str, str] = {
    "summarise|summarize|summary|overview|rundown|nutshell": "the findings in sum",
    "how are|is we|our|the doing|going|performing": "how a piece of work is going",
    "how good": "the same, as a judgement",
}
# "What did Ofsted say about …?": the words between these name a speaker other than the
# inspectors, and a passage answers only where it names them.
SPEAKER_ASK_OPENERS: dict[str, str] = {"what how": "what a speaker said is asked"}
SPEAKER_ASK_AUXILIARIES: dict[str, str] = {"did do does have has had": "the tense of the ask"}
SPEECH_VERBS: dict[str, str] = {
    "say said think thought feel felt tell told": "what a speaker said or thought",
    "find found judge judged rate rated grade graded": (
        "what a speaker found or graded ('What did Ofsted rate …?')"
    ),
}
# Of DURATION: "how quickly" or "how soon" (not "how long") is also told in words of speed
# ("contacted victims promptly in every case").
SPEED_ASK: dict[str, str] = {"how quickly|soon|fast|promptly": "how soon something was done"}
# How reports tell that something was done soon, without a time.
PROMPT: dict[str, str] = {
    "promptly|quickly|swiftly|immediately|speedily|straightaway": "soon, in one word",
    "without delay": "the same",
    "straight away": "the same",
}
# Of QUANTITY: a question about a wait, answered by a paragraph that speaks of waiting.
WAITING: dict[str, str] = {"wait*": "wait, waiting, waited"}
# Of WAITING: how a report tells a wait without the word ("children are seen within three weeks").
WAIT_TOLD: dict[str, str] = {"within": "a time limit met: the wait it allows"}
# Of QUANTITY: a question about a share, answered by a percentage or "N of M".
SHARE: dict[str, str] = {
    "share|proportion|percentage|rate": "a part of a whole",
}
# In a share question, the verb after which the group it is a share of is named ("What
# proportion of the young people are girls?").
SHARE_OF_GROUP: dict[str, str] = {"are were": "the group a share question counts follows"}
# In a share question, the verbs that end the whole it is a share of ("What proportion of
# out-of-court cases had …": out-of-court cases).
SHARE_WHOLE_ENDS: dict[str, str] = {
    "is are was were had has have did do does got get received been": "the verb after the whole",
}
# A sum or share asked of the one who gave it ("How much of the budget came from the police?",
# "What share of our funding is paid by the council?"): the giver, named after one of these
# verbs and "from" or "by", is part of what is asked; a passage that never names it gives
# another part, or the whole.
GIVEN_BY: dict[str, str] = {
    "came comes come": "a sum's source: 'came from the police'",
    "paid pays funded contributed provided given put": "a sum's giver: 'paid by the council'",
}
# Words that end the giver's name in such a question ("from the police compared with the
# council": the police).
GIVER_ENDS: dict[str, str] = {
    "compared versus against than": "a second giver set beside the first",
}
# Of SHARE: "rate" is a noun, a measure asked for, when one of these words follows it ("the
# entrant rate was", "the rate of entrants") or nothing does; "How did inspectors rate
# planning?" asks for a grade.
RATE_NOUN_AFTER: dict[str, str] = {
    "of was is were for in at and than compared among amongst across between within": "what follows a rate named",
    "did do does has had": "an auxiliary after it: 'what absence rate did they find?'",
    "when during before after according": (
        "the time or source it is asked of: 'the reoffending rate when the screening was done'"
    ),
    "back then now": "the time it is asked of: 'our reoffending rate back in 2015'",
    "under over above below higher lower better worse": (
        "a comparison with another rate: 'is our entrant rate under the national one?'"
    ),
    "per": "the population it is counted over: 'the first-time entrants rate per 100,000'",
}
# Rates a question names by the word before "rate" ("first-time entrant rate"): a record of one
# (the reoffending rate) does not answer a question naming another.
NAMED_RATES: dict[str, str] = {
    "reoffending": "the proven reoffending rate (a record)",
    "entrant entrants attendance custody remand completion conversion absence sickness": (
        "other rates reports print"
    ),
}
# A question asking for an amount of money, answered by a sum the report prints ("£1.4
# million"): a budget asked for outright ("What is the annual budget?"), or money spent asked
# "how much".
BUDGET: dict[str, str] = {
    "budget|budgets": "the money a service has",
    "grant|grants": "money a funder gives a service ('the Youth Justice Board grant')",
}
MONEY_USED: dict[str, str] = {
    "spend|spends|spent|spending|cost|costs|pay|pays|paid|funding|money": "money used",
}
# A budget asked for outright opens with these (a sum of money: "What is the annual budget?");
# money used, with "how much" (lexicon QUANTITY).
BUDGET_ASK: dict[str, str] = {
    "what is|was|were|are": "what a budget is: its amount",
    "what's": "the same",
    "what|which budget|budgets": "the budget itself asked for ('What budget did it have?')",
}
MONEY_SCALES: dict[str, str] = {"million m bn billion thousand k": "the scale after a sum"}
CURRENCY_CODES: dict[str, str] = {"gbp eur usd": "a currency's code written before a sum"}
HOW_MUCH: dict[str, str] = {"how much": "an amount: of money, when money used is named"}
# Of HOW_MUCH: an amount of time spent, not money ("How much of the week does she spend…").
HOW_MUCH_TIME: dict[str, str] = {"how much of|time": "a part of a week, time spent"}
# A count question names what is counted right after these ("how many of the cases").
COUNTED_AFTER: dict[str, str] = {
    "how many|much of? the?": "the thing counted follows",
    "number|proportion|percentage of the?": "the same",
}
# After COUNTED_AFTER, these count how often something happened ("how many times did they
# meet?"): a report prints the number of the events ("four conferences"), never of "times".
OCCURRENCES: dict[str, str] = {"times occasions": "how often: the events are what is counted"}
# A question opening with these wants a place: no person, date or number a record holds.
WHERE_OPENERS: dict[str, str] = {"where|whereabouts|where's": "a place"}
# A question opening with these wants a date.
WHEN_OPENERS: dict[str, str] = {
    "when was|were|did|is|are|does|do|will|had|has": "a date or time",
    "when's": "the same, contracted",
    "on? what date": "a date",
    "in which month": "a date",
    "since when": "when something began: a date",
    "what were the dates": "a date range",
}
# A question opening with these, or using the second list anywhere, wants a person.
WHO_OPENERS: dict[str, str] = {
    "who|whom|whose|who's": "a person",
    "which inspector|manager|person|officer": "a person by role",
}
# A question opening with these asks who holds a role, and the words after them name the role
# ("Who is the parenting worker at …?"): the answer must name that role, not another.
ROLE_ASK: dict[str, str] = {
    "who is|was|are|were now|currently? the|its|their|our|a|an": "who holds a role",
    "who's the|its|their|our|a|an": "the same, contracted",
    "what is|was the name of the|its|their|our|a|an": "the same, asked for a name",
    "what's the name of the|its|their|our|a|an": "the same, contracted",
    "who chairs|leads|heads|manages|runs the|its|their|our": "who holds a role, by what they do",
    # ("who ran the YOS?" is any who ran it: the manager, an inspection's lead)
    "who chaired|led|headed|managed the|its|their|our": "the same, in the past",
}
# Before a role's name, the time its holder is asked of ("the current head of service"): which
# report answers (the newest), not a word of the post; "former" and "previous" ask another
# holder, so they stay.
ROLE_TIME: dict[str, str] = {"current present then now": "the time the post is asked of"}
# A post asked by its title, without an article ("Who was Chief Inspector of Probation …?"): a
# role only when the title's first word is capitalised and a word the reports print in lower
# case (a post's word, not a person's name: "Who was Philippa Renshaw?").
ROLE_TITLE_ASK: dict[str, str] = {
    "who is|was|are|were now|currently?": "who holds a post named by its title",
    "who's now|currently?": "the same, contracted",
}
# A question asking the time between two dated events ("How long after the fieldwork was the
# letter dated?", "How many years passed between the screening visit and the inspection?"): the
# gap between the two dates the reports print (`retrieval.interval`).
INTERVAL_ASK: dict[str, str] = {
    "how long|soon *? *? *? after|before|between|from": "the time from one event to the other",
    "how much time": "the same, as an amount of time",
    "how many years|months|weeks|days": "the same, counted in a unit of time",
    "gap|interval between": "the same, as a gap",
    "how far apart": "the same, as a distance",
}
# The dated events a report prints, as a question names them: which date record each is.
DATE_EVENTS: dict[str, tuple[str, str]] = {
    "fieldwork": ("fieldwork_dates", "the inspectors' time in the service"),
    "visit|visits|visited|visiting": ("fieldwork_dates", "the same, as a visit"),
    "on site": ("fieldwork_dates", "the same, as being there"),
    "arrived|returned|came back": ("fieldwork_dates", "the same, as inspectors coming"),
    "dated|written|signed|sent": ("letter_date", "the date a letter bears"),
    "date on|of *? *? *? letter": ("letter_date", "the same, named as a noun"),
    "published|publication|issued|released": ("publication_date", "the date it came out"),
    "came|come out": ("publication_date", "the same, said aloud"),
}
# Words naming the screening's report as a letter ("the letter was dated"): a screening
# reports in a letter.
LETTER_WORDS: dict[str, str] = {"letter|letters": "how a screening reports"}
# Words naming an inspection that is not a screening ("the rated inspection", "the 2022
# inspection report"): the report of the area that is not a letter.
INSPECTION_WORDS: dict[str, str] = {"inspection|inspected": "a graded or full inspection"}
# Words asking for the newest of several such reports ("the recent inspection").
NEWEST_WORDS: dict[str, str] = {"recent|latest|newest|later|current": "the newest report"}

# A question about how far the service has moved on since an earlier inspection ("Overall,
# how much progress has been made since 2017?", "How far have we come since the screening?"):
# the later report's own follow-up of the earlier findings answers it.
PROGRESS_ASK: dict[str, str] = {
    "progress": "how far the service has moved on",
    "how far *? *? *? come|came": "the same, asked as a distance travelled",
}
# A question read as asking the progress on an earlier inspection's findings as a whole (the
# `progress` intent) must name those findings taken together ("Did we fix everything the 2017
# letter flagged?", "Which of the 2016 weaknesses had been sorted?") …
FINDINGS_TOGETHER: dict[str, str] = {
    "areas": "its areas requiring improvement (one area named is a topic)",
    "weaknesses": "the same, as weaknesses",
    "recommendations": "the recommendations it made",
    "concerns|problems|issues|findings": "what it found, in other words",
    "points|things|stuff|everything": "the same, loosely ('the stuff flagged')",
    "every": "each of them in turn ('every improvement area from the letter')",
}
# Whether one earlier finding was put right ("Has Penwarden fixed the contingency planning problem
# from 2016?"): the report after the one the question names tells it.
# ("sorted", "dealt with" and "addressed" tell of other things too: "breaches were dealt with
# properly", "the letter was addressed to")
PUT_RIGHT: dict[str, str] = {
    "fixed|resolved|remedied|rectified": "a finding put right",
    "put right": "the same",
    "been|got|get sorted": "the same, as said aloud ('has that issue been sorted?')",
    "sorted out": "the same",
}
PUT_RIGHT_NOT_AFTER: dict[str, str] = {
    "to put|get": "an aim ('what did the letter ask us to put right?'): what was asked, not "
    "whether it was done",
}
# … and ask whether they were remedied (not what they were: "list the improvement areas in the
# 2016 letter" is a list).
REMEDIED: dict[str, str] = {
    "fix|fixed|sort|sorted|resolve*|address*|tackle*|dealt|met|implement*|closed": (
        "a finding acted on"
    ),
    "improved|better|progress*|outstanding|still": "how far it had changed by the later one",
    "moved|got|come|came on|with|anywhere": "the same, as a distance travelled",
    "acted|act on|upon": "the same",
    "put right": "the same",
}
# The heading of the part of a later report that follows up an earlier one's findings
# ("Progress since the 2016 Short Quality Screening", "Progress since the last inspection").
PROGRESS_HEADINGS: dict[str, str] = {"progress": "the later report's follow-up of the earlier"}
# Words before a role that name another post below it ("the deputy head of service" is not
# the head of service): a fact recorded of the role answers only where its text says them.
POST_BELOW: dict[str, str] = {"deputy assistant vice": "a post below the one named after it"}
# A rank, which names no post without the noun after it: a "Chief Executive" is no chief
# inspector, a "lead member" no lead inspector.
POST_RANK: dict[str, str] = {"chief senior principal lead": "a rank told by the noun after it"}
# A place's name in the possessive after these stands for "the" before a role ("Who is
# Saltby's victim worker?", "the name of Saltby's victim worker").
ROLE_OF_PLACE: dict[str, str] = {"is was are were who's of": "the role's holder is asked for"}
# The last word of a role that a person holds: "the name of the speech and language
# therapist" asks for a person, "the name of the centre" for a thing.
PERSON_NOUNS: dict[str, str] = {
    "officer manager worker inspector chair head nurse therapist coordinator psychologist": (
        "a job a person holds"
    ),
    "practitioner sergeant constable councillor commissioner": "the same, other jobs",
}
WHO_ANYWHERE: dict[str, str] = {
    "who was|led|chaired|managed|signed": "a person by what they did",
    "officer|manager|worker|inspector|chair|head|nurse|therapist|coordinator name|names": (
        "a person asked for by role, tersely ('police officer name')"
    ),
}
# Words of a title set after a signer's name on the line under a sign-off ("Helen Marlowe
# Assistant Chief Inspector"): the name ends before them.
SIGNER_TITLE_WORDS: dict[str, str] = {
    "Assistant Deputy Chief Lead Senior Principal Regional Inspector Inspection Director Head "
    "Manager Officer": ("a title's words, capitalised like a name's"),
}
# A person asked for by a pronoun for a role the question named before it ("The letter was
# copied to the PCC - what was their name?"): the role is the last one named before it.
NAME_BY_PRONOUN: dict[str, str] = {"their|his|her name|names": "the name of a role named before"}
# "Which …" and "List …" questions want every match cited, not only the best.
ENUMERATE_OPENERS: dict[str, str] = {"which|list": "every match is wanted"}
# "What did inspectors say about X": each paragraph on X, not one sentence.
SUMMARY_ASK: dict[str, str] = {
    "say|said|find|found|report|reported|note|noted *? *? about": "what was said on a topic",
    "tell me *? *? about": "the same",
}
# Whether or how a report covers a topic, asked otherwise than "what did it say about": the
# topic follows ("Does it cover county lines?", "Is there a parenting course?", "How does the
# service support young carers?"). Only where to read the topic from; whether a report covers
# it is decided by its printed words and by meaning (`QuestionPlanner._unmentioned`).
TOPIC_ASK: dict[str, str] = {
    "anything|mention|mentions|mentioned on|about|of": (
        "whether anything was said on a topic ('any mention of …' too)"
    ),
    "cover|covers|covered|mention|mentions|discuss|discusses|address|addresses": (
        "whether a report covers a topic"
    ),
    "is|are there a|an|any": "whether something exists",
    "support|supports|help|helps|handle|handles|treat|treats": (
        "how a service responds to a group or a need"
    ),
    "deal|deals with": "the same",
}
# Words before a noun: "any help actually starts" uses "help" as a noun, not as TOPIC_ASK's
# verb ("how does the service help young carers?"), so no topic follows it.
DETERMINERS: dict[str, str] = {
    "a an the": "articles",
    "any no some more much less": "quantifiers",
    "this that these those its their our your": "demonstratives and possessives",
}
# A question about what should be done: recommendations and improvements first.
ACTIONS_ASK: dict[str, str] = {
    "want|wanted done": "what inspectors asked for",
    "want|wanted to see": "the same",
    "recommend*": "recommendations",
    "should the|it|they": "what someone should do",
    "need|needs to be? done|improve|change": "what must change",
    "what must": "the same",
    "to do|act": "what someone is asked or expected to do",
    "expect*": "what someone is expected to do",
}
# A follow-up that points back at the earlier turn's subject ("Who said that?").
ANAPHORA: dict[str, str] = {
    "that|this|those|these|such": "demonstratives point back",
    "they|them": "pronouns point back",
    "about|with|on|to|for|under|in|by|from|of|at|into|over|within|after|before it": (
        "the same, for 'it' as the object of a preposition ('how many were under it')"
    ),
    "is|was|has|had|does|did it": "'it' as the subject asked about: 'Is it still going?'",
}
# A follow-up about the person the previous answer named ("What happened to him afterwards?"
# after "Who was the YOT manager?"): the name is asked about.
PERSON_PRONOUNS: dict[str, str] = {
    "he|him|his|himself": "a man named before",
    "she|her|hers|herself": "a woman named before",
}
# A sentence opening with one of these points back to the sentence before it ("One was managed
# at MAPPA level 2", "She had …"): quoted on its own it would not say what it is about.
POINTS_BACK: dict[str, str] = {
    "it its they their them he his she her this that these those": "a pronoun for what came before",
    "one both either neither each such": "one of the things named before",
    "however but also": "a sentence that answers the one before it",
}
# "How long were children waiting then, and by 2022?": the earlier question's time as well.
THEN: dict[str, str] = {"then": "points back to the time asked about before"}
# Words that place the question in time ("help quickly back in 2015", "back then"): which
# report is asked, not what about.
TIME_FRAMING: dict[str, str] = {
    **THEN,
    "back": "a time before now ('back in 2015'), told by the year after it",
}
# A follow-up that is only a phrase ("And for court disposals?", "What about the custody
# cases?") opens with these; the phrase stands in for its namesake in the earlier question.
FRAGMENT_OPENERS: dict[str, str] = {
    "and|so|but": "a follow-up",
    "what|how about": "the same, asked of something else",
    "for|in|with|on|about|of|the|those|their|its": "the phrase's own little words",
}
# Adverbs straight after "how many" ("how many actually got one?"): no noun counted, so the
# count is of the whole the question named before ("of the cases that needed one").
COUNT_ADVERBS: dict[str, str] = {
    "actually really still then exactly altogether eventually finally": "an adverb, no noun",
}
# The kinds of case a report counts and heads apart ("Court disposals", "Out-of-court
# disposals", "Resettlement"): a count asked of one is not told by a count of another.
CASE_KINDS: dict[str, str] = {
    "court": "sentenced by a court",
    "out-of-court": "dealt with out of court",
    "custody custodial resettlement": "sentenced to custody, and leaving it",
    "community": "serving a sentence in the community",
    "remand remanded": "held on remand before trial",
    "girls boys female male": "the children's sex, which a report counts apart if at all",
    "looked-after": "in the local authority's care",
}
# A pronoun for the thing asked about before ("the 2016 one", "the out-of-court ones").
POINTERS: dict[str, str] = {"one ones": "a pronoun for the thing asked about before"}
# Words of a follow-up that point at what was asked before rather than ask anything new: with
# nothing else but an area or a year ("And the 2016 one?", "And two years later?"), the earlier
# question is asked again of the report they pick.
REFERS_BACK: dict[str, str] = {
    **POINTERS,
    "inspection inspections report reports visit letter screening": (
        "the report, which area and year pick"
    ),
    "back": "a time before the one asked about ('and back in 2016?')",
    "year years later earlier next previous following subsequent": "a step in time",
    "two three four five six": "the length of that step ('two years later')",
    "position situation picture state": "the state of what was asked before ('the position now')",
    "figure figures number numbers": (
        "the value of what was asked before ('and what was the figure at the latest inspection?')"
    ),
    "job post role": "the post a person was asked for before ('who had the job in 2016?')",
}

# --- model output (LLM mode: retrieval.support) ------------------------------------------------

# A sentence in a report that speaks to a model: it is withheld from the prompt and backs no claim.
ADDRESSES_A_MODEL: dict[str, str] = {
    "ignore|disregard|forget|override all|any|the|your? previous|prior|earlier|above|system? "
    "instruction*|prompt*|rules": "an attempt to replace the instructions",
    "system|developer prompt": "names the model's instructions",
    "reveal your|the prompt*|instruction*": "asks for the instructions",
    "ai|language model": "speaks of or to a model",
    "as an ai": "the same",
    "you are now? a|an ai|assistant|chatbot": "tells the model what it is",
}
# What a model writes when the sources do not answer (the prompt asks for the first).
MODEL_ABSTAINS: dict[str, str] = {
    "not in the reports": "the prompt's own words for no answer",
    "source*|report*|paragraph* do|does|did not answer|say|mention|cover|contain|state": (
        "a model's usual way of saying the same"
    ),
    "no information": "the same",
}

# --- words that do not pick paragraphs (retrieval.text) ------------------------------------------

# Beyond bm25s's English stop list: words a question is made of that no paragraph is found by.
# Keys are groups of words; each group has its reason.
STOPWORDS_EXTRA: dict[str, str] = {
    "what which who whom whose how when where why": "question words ask; they pick nothing",
    "did does do done was were is are be been being": "auxiliaries",
    "the a an it its there their me": "articles and pronouns",
    "us": "the asker's service speaking of itself ('what the letter said about us'): no topic",
    "about say said says tell according per": "the frame of a question about a report",
    "any many much more most less least": "quantifiers: the question's form, not its topic",
    "can could would should will shall may might must": "modal verbs",
    "also up off under over into onto out": "particles and prepositions",
    "get got make makes made show shows showed shown give given like": "light verbs",
    "someone somebody anyone thing things kind sort way ways": "placeholders",
    "own same other others themselves itself himself herself ourselves": "pronouns",
    "yes no not very just only still even again ever": "adverbs of degree and polarity",
    "each every both either neither so than then too here": "determiners and connectives",
    "hence thus therefore indeed really quite rather": "discourse adverbs",
    "vs versus": "the frame of a comparison: it sets the sides, no paragraph prints it",
}
# Words every youth justice report uses: they do not tell one paragraph from another (stemmed).
GENERIC_WORDS: dict[str, str] = {
    "inspector inspectors inspection inspections report reports": "what every report is",
    "found find finding findings said say says note notes": "how every report speaks",
    "yos youth offending service services team": "who every report is about",
    "case cases child children young people person work": "what every report inspects",
    "area areas year years generally whether well": "frame words",
    "first latest previous recent earlier since next last before after": (
        "time words pick reports (retrieval.plan), not paragraphs"
    ),
}
# Numbers written as words: a paragraph that prints one prints a number. The small counts in
# order, so that a word's place is its value ("six recommendations").
SMALL_COUNTS = "one two three four five six seven eight nine ten eleven twelve"
TEENS = "thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
NUMBER_WORDS: dict[str, str] = {
    SMALL_COUNTS: "small counts",
    TEENS: 'the teens ("Sixteen trained volunteers")',
    f"{TENS} hundred": "round counts",
    "half third quarter": "shares",
}
# A number after these names a part of a report, not an amount ("Table 2: Staffing" counts
# nothing; "standard 1.2", "recommendation 3"): never the number a count question asks for.
NUMBER_LABELS: dict[str, str] = {
    "table tables figure figures chart graph annex appendix": "a table or figure's number",
    "chapter section paragraph page part": "where in the report",
    "standard standards domain recommendation recommendations": "an inspection framework's numbering",
}
# Their values, for the LLM check's "every number printed" ("one" is left out: it is a pronoun as
# often as a number, "no one").
NUMBER_VALUES: dict[str, str] = {
    w: str(i) for i, w in enumerate(f"{SMALL_COUNTS} {TEENS}".split()[1:], start=2)
} | {w: str(i * 10) for i, w in enumerate(TENS.split(), start=2)}
# Words after which capitalised words name a thing, not a person ("a parenting programme called
# Steady Steps", "the scheme, known as Second Step"); a name in quotation marks is a title too.
NAMES_A_THING: dict[str, str] = {
    "called|entitled|titled": "a programme's or a place's name follows",
    "known as": "the same",
}
# Capitalised words that are not a person's name: two of them together ("Youth Justice") are an
# institution or a heading, not a person (retrieval.text.prints_person).
INSTITUTIONAL: dict[str, str] = {
    "Youth Offending Offender Service Services Team Board Management Justice": "youth justice bodies",
    "Inspectorate Inspection Joint Full Short Quality Screening Chief Inspector": "inspections",
    "Assistant Director Manager Head Chair Member Lead Elected Commissioner": "role titles",
    "Council Court Police Probation Ministry Local Authority Office Commission": "agencies",
    "Children Childrens Social Care Health Mental Education Learning Further Community": "services",
    "Public Protection Arrangements Agency Multi Safeguarding Crime Operational": "work areas",
    "England Wales National": "the national comparison",
    "Panel Forum Committee Group Partnership Scheme Programme Project Unit": (
        "bodies and schemes named with a capitalised noun ('Outcomes Panel')"
    ),
    "Trust Directorate Provision": "the same ('Alternative Provision Trust')",
    "Constabulary Force Fire Rescue Ambulance": (
        "police forces and emergency services ('Eastfell Constabulary', 'Fire and Rescue')"
    ),
    "Road Street Lane Avenue Centre Center House Park Hall Club College School Academy": (
        "places and buildings ('Kingsmead Road', 'Brackenford Rugby Club')"
    ),
    "University Hospital Clinic Prison Institution Library": "the same",
    "City Town County Borough District Region Bay": "places named by their kind ('Sollis Bay')",
    "The Key Areas Summary Context": "headings and sentence starts",
}
# Stems the Porter stemmer merges but the reports do not: a "rating" (Good, Outstanding) is not
# a reoffending "rate".
STEM_OVERRIDES: dict[str, str] = {"rating": "rating", "ratings": "rating", "rated": "rating"}
# A month as users abbreviate it ("caseload on 1 feb"): the month's word, as reports print it.
MONTH_ABBREVIATIONS: dict[str, str] = {
    "jan": "january",
    "feb": "february",
    "apr": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    "sep": "september",
    "sept": "september",
    "oct": "october",
    "nov": "november",
    "dec": "december",
}  # ("mar" is left out: a word of its own)
# Words a question uses for what reports print differently: each group is one meaning.
SYNONYM_GROUPS: dict[tuple[str, ...], str] = {
    ("inspected", "conducted", "fieldwork"): "how reports say an inspection took place",
    ("verdict", "judgement", "overall"): "how reports name their overall finding",
    (
        "children",
        "child",
        "kids",
        "kid",
        "youngsters",
        "youngster",
        "juveniles",
        "juvenile",
        "young",
    ): "the children a service supervises, as reports and users call them ('young people')",
    ("substance", "misuse", "drug", "drugs", "alcohol"): (
        "help with drugs and alcohol, as reports name it ('substance misuse') and users do"
    ),
    ("parents", "parent", "parenting", "mums", "mum", "dads", "dad", "mothers", "fathers"): (
        "a child's parents, as reports name them and users call them ('mums and dads')"
    ),
    ("based", "base", "premises", "building", "buildings", "office", "offices"): (
        "where a service works: users ask where it is 'based', reports name its 'premises'"
    ),
    ("diverted", "divert", "diversion", "diversionary", "out-of-court"): (
        "work with children kept out of court: users say 'diverted', reports 'out-of-court'"
    ),
    ("vacant", "vacancy", "vacancies", "unfilled", "empty"): (
        "a post without its holder: reports say 'vacant', users 'unfilled' or 'empty'"
    ),
    ("staff", "headcount", "workforce"): (
        "the people a service employs: users ask its 'headcount', reports count its 'staff'"
    ),
    ("budget", "funding"): (
        "the money a service has to spend: reports give its 'budget', users ask its 'funding'"
    ),
    ("council", "authority"): (
        "the local authority that funds and hosts a service: reports say 'the local authority', "
        "users 'the council'"
    ),
    ("hmi", "inspector"): (
        "HM Inspector by its initials: the 'lead HMI' is the report's lead inspector"
    ),
    ("renamed", "rename", "name", "called", "calling"): (
        "a service's change of name: reports say it was 'renamed', users that it 'changed its "
        "name' or 'stopped calling itself' a YOT"
    ),
}
# Terms that never count as a topic the reports cover: they frame comparisons, time and size.
# A count question that asks for a part of a whole ("how many of the cases had…", "in how many
# cases was…"): of a printed "6 of the 14 cases", the 6.
PART_ASK: dict[str, str] = {
    "how many of": "a part of the things counted",
    "in how many": "the same",
}
# A count question that asks for the whole ("How many posts were there in total?"): of a
# printed "3 of the 12 posts were vacant", the 12; any other count of a "N of the M" is its N.
TOTAL_ASK: dict[str, str] = {
    "total|totals|altogether|establishment": "the whole counted, not a part",
    "in all": "the same",
    "look|looked at|through": "the cases read: the sample, whole ('How many did they look at?')",
    "inspect|inspected|examine|examined|review|reviewed|read|sampled": "the same",
}
# What a count of these words is printed as too (the words, and why).
COUNTED_AS: dict[str, tuple[str, str]] = {
    "children child kids kid young youngsters youngster people": (
        "cases",
        "reports count the children they read as cases ('12 custodial cases': twelve children)",
    ),
}
NOT_CONCEPTS: dict[str, str] = {
    "compare comparison recent previous latest earlier earliest first last next later": (
        "comparison and time words"
    ),
    "lower higher better worse improve improved change changed": "direction words",
    "quick quickly long longer since before after time times often": "time and speed",
    "two three four five six": "small numbers",
    "have had see seen go main get become became": "light verbs",
    "effective ineffective": "evaluation words every report uses",
    "list give tell show describe explain outline summarise summarize name": (
        "imperatives that frame a request ('List the standards…'), whatever a heading says"
    ),
    "summary overview": "what a request asks for ('Give me a short summary of …'), not a topic",
    "split breakdown": "the shape of the answer asked for ('the community/custody split'), not a topic",
    "screening screenings thematic sqs fji inspection inspections": (
        "the kind of report, which picks reports ('before the 2016 screening'), not a topic"
    ),
    "organisation organisations organisational": (
        "'which organisation ran it' is any body; 'Organisational delivery', a rated report's "
        "domain heading, is no topic a letter lacks"
    ),
}
# Prefixes that turn a word into its opposite ("ineffective"): a paragraph printing the negated
# word does not print the question's word.
NEGATING_PREFIXES: dict[str, str] = {
    "in": "ineffective",
    "un": "unclear",
    "non": "non-compliance",
    "im": "impractical",
    "ir": "irregular",
    "il": "illegible",
    "dis": "disengaged",
}
# Acronyms of the field, for reports that use a term without defining it (a report's own
# definitions, learned at load time, take precedence).
GLOSSARY: dict[str, str] = {
    "mappa": "multi-agency public protection arrangements",
    "camhs": "child and adolescent mental health services",
    "yos": "youth offending service",
    "yot": "youth offending team",
    "yjb": "youth justice board",
    "psr": "pre-sentence report",
    "ete": "education, training and employment",
    "lac": "looked after children",
    "sqs": "short quality screening",
    "fji": "full joint inspection",
    "lscb": "local safeguarding children board",
    "dto": "detention and training order",
    "yro": "youth rehabilitation order",
    "pcc": "police and crime commissioner",
    "ccg": "clinical commissioning group",
    "icb": "integrated care board",
    "rosh": "risk of serious harm",
    "pru": "pupil referral unit",
    "neet": "not in education, employment or training",
    "cp": "child protection",
    "yoi": "young offender institution",
}
# Little words inside a defined term ("Multi-Agency Public Protection Arrangements (MAPPA)"):
# they have no initial in the acronym.
ACRONYM_CONNECTORS: dict[str, str] = {
    "and": "conjunction",
    "or": 'conjunction ("speech, language or communication needs": SLCN)',
    "of": "preposition",
    "for": "preposition",
    "the": "article",
    "in": "preposition",
    "on": "preposition",
    "to": "preposition",
}


# A line ending in a colon that holds one of these words is a sentence opening a list or table
# ("The cases we inspected were made up as follows:"), not a heading set with a colon
# ("Commentary on the inspection in Kestrel Vale:").
# A contraction's ending: "I'm" asks about no name "I'm" (the word before it is the word).
CONTRACTIONS: dict[str, str] = {
    "'m 're 've 'll 'd n't": "an English contraction's ending",
}

# The asker speaking of themselves: a sentence before the question that holds one of these tells
# who asks and why ("I'm writing a piece for the Corvenham Courier."), not what is asked.
ASKER_WORDS: dict[str, str] = {
    "i me my myself": "the asker, in the first person singular",
}
# Words that ask a question inside a sentence: the asker's sentence holding one asks ("I'd
# like to know what the service spent"), it does not only tell of them.
EMBEDDED_ASK: dict[str, str] = {
    "what how who which why where when whether if": "an embedded question's opening word",
}

CLAUSE_WORDS: dict[str, str] = {
    "we our they": "the inspectors or the service as the subject",
    "is are was were": "a verb to be",
    "should must will would": 'a modal verb: a sentence that opens a list ("… should focus on '
    'ensuring that:"), not a heading',
}


def words_of(groups: dict) -> frozenset[str]:
    """Every word in the keys of a grouped list above."""
    return frozenset(w for key in groups for w in key.split())
