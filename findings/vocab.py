"""One vocabulary per concept, imported wherever the concept is needed.

- inspection types: how a report names its own type, how a question names it, how we label it;
- list sections: the headings under which reports list strengths, improvements and
  recommendations;
- abstention reasons: why an answer says the reports do not answer the question;
- months and superscript digits, which several readers need.

Every entry is about the genre of inspection reports, never about one report or one question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from findings.lexicon import LIST_WORDS

# --- inspection types -------------------------------------------------------------------------


@dataclass(frozen=True)
class InspectionType:
    key: str  # the stored value of ReportMeta.inspection_type
    short: str  # in citation labels: `Thurrock SQS 2015`
    label: str  # in the app
    in_report: str  # regex: how a report's title or opening names its own type
    in_question: tuple[str, ...]  # how a question names it (`retrieval.text.Cue` phrases)


# Report detection tries these in order (a screening letter that mentions the earlier full joint
# inspection is still a screening).
INSPECTION_TYPES: tuple[InspectionType, ...] = (
    InspectionType(
        "short quality screening",
        "SQS",
        "Short quality screening",
        r"short quality screening|\bSQS\b",
        ("short quality screening", "sqs", "screening"),
    ),
    InspectionType(
        "full joint inspection",
        "FJI",
        "Full joint inspection",
        r"full joint inspection|\bFJI\b",
        # "the joint inspection": what a service calls its FJI (a joint thematic is named by
        # "thematic"; an area without an FJI keeps every report)
        ("full joint inspection", "joint inspection", "fji"),
    ),
    InspectionType("thematic", "thematic", "Thematic", r"\bthematic\b", ("thematic",)),
    InspectionType(
        "youth offending service inspection",
        "YOS inspection",
        "Youth offending service inspection",
        # "youth justice services" is what the services are called since about 2020
        r"inspection of youth (?:offending|justice) (?:services?|work|teams?)"
        r"|youth (?:offending|justice) service inspection",
        # the service's own words for it, "inspection" after them ("the youth justice
        # inspection", "our YOS inspection"); "inspection" alone names any kind
        (
            "youth offending|justice service? inspection",
            "yos|yot|yjs inspection",
        ),
    ),
)
# A question naming two types ("the screening after the full joint inspection") is read as
# about the more specific one first.
QUESTION_TYPE_ORDER = (
    "full joint inspection",
    "short quality screening",
    "thematic",
    "youth offending service inspection",
)
UNKNOWN_TYPE = "unknown"
UNKNOWN_TYPE_LABEL = "Unknown type"
TYPE_BY_KEY = {t.key: t for t in INSPECTION_TYPES}

# --- list sections ----------------------------------------------------------------------------

# Lower-case headings, per kind of list, in the order a report is searched for them.
LIST_SECTIONS: dict[str, tuple[str, ...]] = {
    "strength": ("key strengths", "strengths"),
    "improvement": (
        "areas requiring improvement",
        "areas for improvement",
        "areas needing improvement",
    ),
    "recommendation": ("recommendations",),
}
# Lists of what must be done: questions about actions favour these.
ACTION_KINDS = ("improvement", "recommendation")
ACTION_SECTIONS = frozenset(name for kind in ACTION_KINDS for name in LIST_SECTIONS[kind])
# The "Before a visit" view shows these, in this order.
VISIT_KINDS = ("strength", "improvement", "recommendation")


def list_kind(section: str) -> str | None:
    """`improvement` for "Areas requiring improvement" (any case); None for other headings."""
    name = section.strip().lower()
    return next((kind for kind, names in LIST_SECTIONS.items() if name in names), None)


HEADING_ENDS = (" ", "?", ",", ".")  # what may follow a heading's name in a question
HEADING_JOINERS = frozenset({"for", "of"})  # "areas for improvement": no word of its subject


def list_kind_named(text: str) -> str | None:
    """The list a question names by its heading ("the areas for improvement", "key strengths",
    "recommendations"), or None. Only whole heading names count: "improve" alone is not one."""
    low = _padded(text)
    for kind, names in LIST_SECTIONS.items():
        for name in names:
            if any(f" {name}{end}" in low for end in HEADING_ENDS):
                return kind
    # a heading's words in another order ("the improvement areas", "improvement area"): its
    # words but the joining ones, next to each other
    said = [w.rstrip("s") for w in re.findall(r"[a-z]+", low) if w not in HEADING_JOINERS]
    for kind, names in LIST_SECTIONS.items():
        for name in names:
            key = sorted(w.rstrip("s") for w in name.split() if w not in HEADING_JOINERS)
            n = len(key)
            if n >= 2 and any(sorted(said[i : i + n]) == key for i in range(len(said) - n + 1)):
                return kind
    return next((kind for word, kind in LIST_WORDS.items() if f" {word}" in low), None)


def without_list_names(text: str) -> str:
    """The text with the list headings it names taken out: "areas for improvement" names a
    list, and says nothing of a change over time."""
    low = _padded(text)
    for names in LIST_SECTIONS.values():
        for name in sorted(names, key=len, reverse=True):
            for end in HEADING_ENDS:
                low = low.replace(f" {name}{end}", f" {end}")
    return low.strip()


def _padded(text: str) -> str:
    """Lower-case, straight apostrophes, single spaces, a space at each end."""
    return " " + " ".join(text.lower().replace("’", "'").split()) + " "


# --- abstentions ------------------------------------------------------------------------------

ABSTAIN_SENTENCE = "The reports do not answer this question."


class AbstainReason(StrEnum):
    """Why an answer abstains. The sentence shown is ABSTAIN_SENTENCE plus a detail."""

    NO_REPORT_MATCHES_FILTERS = "no_report_matches_filters"
    NAME_NOT_PRINTED = "name_not_printed"  # an area, person or acronym no targeted report prints
    NO_REPORT_FOR_TIME = "no_report_for_time"  # no report of that area for that year/period
    TOPIC_NOT_COVERED = "topic_not_covered"  # a topic other reports cover, the targeted don't
    TOPIC_NOT_MENTIONED = "topic_not_mentioned"  # a topic asked about no targeted report mentions
    NOTHING_RETRIEVED = "nothing_retrieved"
    NO_SUPPORTING_PASSAGE = "no_supporting_passage"  # retrieved, but nothing carries the answer
    UNVERIFIED = "unverified"  # every citation failed the verbatim check


# --- small tables several readers share -------------------------------------------------------

MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january february march april may june july august september october november december"
        ).split(),
        start=1,
    )
}
MONTH_PATTERN = "(" + "|".join(m.capitalize() for m in MONTHS) + ")"
# A letter's own sign-off: the name under the last one signs the letter (an email forwarding
# it signs off otherwise).
LETTER_SIGN_OFFS = ("yours sincerely", "yours faithfully")
# A sign-off ("Yours sincerely", "Kind regards"): the signer's name follows it.
SIGN_OFFS = (
    *LETTER_SIGN_OFFS,
    "kind regards",
    "best wishes",
    "with best wishes",
    "regards",
)
# A letter's salutation and sign-off ("Dear Ms Quenby", "Yours sincerely"): short lines that
# look like headings in plain text but head nothing.
LETTER_FORMULAS = ("dear ", *SIGN_OFFS)
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
