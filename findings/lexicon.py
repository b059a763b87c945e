"""The words that structured findings (issue 10) are recognised by, each with its reason.

`ingest.records` reads a report's structure (list headings, tables, `Field: value` lines,
"X should:" groups, "Standard: grade" lines); where a word decides what a structure means, it
is listed here, once. Every entry is about the genre of youth justice inspection reports, never
about one report: a report whose layout uses none of them simply yields no record of that kind.
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

# Headings (lower-case) over the report's overall judgement: a grade in the paragraph below one
# is the overall rating.
OVERALL_RATING_HEADINGS: dict[str, str] = {
    "overall rating": "the 2018 framework's heading for the service's single grade",
    "overall judgement": "how older and thematic reports name it",
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

# Verbs that, right before "N cases", say N cases were inspected ("We examined 14 cases").
CASES_VERBS: dict[str, str] = {
    "examined": "screening letters' Context paragraph",
    "inspected": "full joint and rated reports",
    "looked at": "screening letters",
    "reviewed": "thematic reports",
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
}
BELOW_WORDS: dict[str, str] = {
    "below": "below the national rate",
    "lower": "lower than the England and Wales figure",
    "under": "under the national average",
}
