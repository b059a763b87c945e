"""Generate a deterministic corpus of realistic synthetic youth offending inspection reports.

Four in five reports are plain-text Short Quality Screening (SQS) letters laid out like
`data/reports/marshbury_sqs_2014.txt` (tab-separated header fields, four numbered themes with
`- 1.1.` paragraphs, key strengths, areas requiring improvement, the lead inspector sentence, a
tab-separated copy list and notes). One in five is a longer Full Joint Inspection (FJI) in the
two-level Markdown layout of `data/reports/kestrel_vale_fji_2013.md` (`## 1. Reducing
reoffending`, `### 1.1 Assessment`, `1.1.1 text`).

Areas are invented (word parts such as "Heronmoor" or "Otter Vale"), each inspected several
times between 2010 and 2020. Paragraphs are built from sentence templates with slots (case
counts, percentages, named staff, local projects) and `[a|b]` alternatives, and each report has
its own strengths and weaknesses, so the overall summary, key strengths and areas for
improvement agree with the commentary. The same seed always gives the same corpus, and a corpus
of N reports is the first N reports of any larger one with the same seed.

    python -m bench.generate OUT_DIR N [--seed S]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
YEARS = range(2010, 2021)
FJI_SHARE = 0.2

# --- names ------------------------------------------------------------------------------------

ROOTS = [
    "Alder",
    "Amber",
    "Badger",
    "Bitter",
    "Bram",
    "Bracken",
    "Bryony",
    "Chalk",
    "Cobble",
    "Copper",
    "Cran",
    "Curlew",
    "Dipper",
    "Elder",
    "Fallow",
    "Fern",
    "Finch",
    "Gorse",
    "Hawk",
    "Hazel",
    "Heather",
    "Heron",
    "Holly",
    "Ivy",
    "Kingfish",
    "Lark",
    "Larch",
    "Linnet",
    "Marl",
    "Merrow",
    "Moss",
    "Nettle",
    "Otter",
    "Pebble",
    "Pike",
    "Plover",
    "Quill",
    "Raven",
    "Reed",
    "Rowan",
    "Rush",
    "Sedge",
    "Sorrel",
    "Stoat",
    "Tansy",
    "Teal",
    "Thistle",
    "Thorn",
    "Vetch",
    "Willow",
    "Wren",
    "Yarrow",
    "Yew",
    "Kestle",
    "Tamble",
    "Oster",
    "Wendle",
    "Gallow",
    "Brindle",
    "Cresset",
]
SUFFIXES = [
    "bury",
    "moor",
    "wick",
    "combe",
    "dale",
    "field",
    "ley",
    "ton",
    "mere",
    "stow",
    "holt",
    "ford",
    "brook",
    "worth",
    "by",
    "ham",
    "well",
    "hurst",
    "cott",
    "thorpe",
    "minster",
    "den",
    "gate",
    "stead",
    "hithe",
    "wold",
]
SECOND = [
    "Vale",
    "Heath",
    "Downs",
    "Valley",
    "Forest",
    "Fen",
    "Wolds",
    "Hills",
    "Coast",
    "Moor",
    "Water",
    "Cross",
    "Marsh",
]
DIRECTIONS = ["North", "South", "East", "West", "Mid", "Upper", "Lower"]
# Real local authority names the word parts can form, and the areas of the sample corpus.
AVOID = {
    "Ashford",
    "Ashfield",
    "Amber Valley",
    "Bradford",
    "Fenland",
    "Harrow",
    "Wyre Forest",
    "Forest Heath",
    "Thornbury",
    "Hawkhurst",
    "Elmbridge",
    "Reedley",
    "Mid Suffolk",
    "Marshbury",
    "Kestrel Vale",
    "Northfield",
    "Alderton",
    "Brackwater",
    "Thornton",
    "Ravensworth",
    "Hollyford",
    "Copperfield",
}

FIRST_M = [
    "Owen",
    "Graham",
    "Julian",
    "Kevin",
    "Tom",
    "Derek",
    "Stephen",
    "Raymond",
    "Alan",
    "Martin",
    "Gareth",
    "Neil",
    "Colin",
    "Imran",
    "Rajesh",
    "Tariq",
    "Daniel",
    "Simon",
    "Peter",
    "Hugh",
    "Rhys",
    "Callum",
    "Declan",
    "Femi",
    "Marcus",
    "Adrian",
    "Ian",
    "Keith",
    "Robert",
    "Samuel",
    "Nathan",
    "Oliver",
    "Patrick",
    "Vikram",
    "Jonathan",
]
FIRST_F = [
    "Margaret",
    "Lorraine",
    "Anita",
    "Bernadette",
    "Nasreen",
    "Alison",
    "Ruth",
    "Carol",
    "Philippa",
    "Helen",
    "Joanne",
    "Sarah",
    "Priya",
    "Fiona",
    "Deborah",
    "Yvonne",
    "Gillian",
    "Rachel",
    "Amina",
    "Claire",
    "Sian",
    "Beverley",
    "Hannah",
    "Lucy",
    "Mandeep",
    "Grace",
    "Eleanor",
    "Karen",
    "Tessa",
    "Zoe",
    "Ngozi",
    "Catherine",
]
SURNAMES = [
    "Pryce",
    "Hollins",
    "Tregarthen",
    "Backhouse",
    "Crewe",
    "Malhotra",
    "Hobbs",
    "Sayer",
    "Quill",
    "Ellery",
    "Akhtar",
    "Redfern",
    "Lydgate",
    "Penhallow",
    "Whitfield",
    "Dunmore",
    "Ashdown",
    "Pellow",
    "Nandra",
    "Okafor",
    "Brennan",
    "Castell",
    "Devereux",
    "Fairweather",
    "Goodall",
    "Hargreaves",
    "Iqbal",
    "Jessop",
    "Kaur",
    "Lowther",
    "Mabey",
    "Nightingale",
    "Oduya",
    "Pascoe",
    "Quayle",
    "Rothwell",
    "Sandhu",
    "Thwaite",
    "Underhill",
    "Varley",
    "Westlake",
    "Yeoman",
    "Ainsworth",
    "Blakemore",
    "Chadwick",
    "Drinkwater",
    "Entwistle",
    "Fothergill",
    "Greenhalgh",
    "Hepworth",
    "Illingworth",
    "Kershaw",
    "Lomax",
    "Mottram",
    "Norcross",
    "Ormerod",
    "Prendergast",
    "Ramsbottom",
    "Shackleton",
    "Tattersall",
    "Uttley",
    "Whittaker",
    "Ackroyd",
    "Bamford",
    "Carver",
    "Dobson",
    "Everitt",
    "Fenwick",
    "Gathercole",
    "Haworth",
    "Jagger",
    "Kendrick",
    "Lister",
    "Mistry",
    "Nwosu",
    "O'Hara",
    "Patel",
    "Rahman",
    "Choudhury",
    "Adeyemi",
    "Kowalski",
    "Murphy",
    "Walsh",
    "Trelawny",
    "Rosewarne",
    "Chenoweth",
    "Vosper",
    "Hocking",
    "Stanier",
    "Beddoes",
    "Agarwal",
]

PROJECTS = [
    "Community Allotments project",
    "Canal Trust",
    "Wildlife Trust",
    "Food Bank",
    "Heritage Railway",
    "Boxing Club",
    "Woodland Trust group",
    "Community Farm",
    "Sea Cadets",
    "Men's Shed",
    "Riverside Gardens project",
    "Furniture Reuse project",
]
PROGRAMMES = [
    "Turning Point",
    "Fresh Start",
    "Choices",
    "Step Up",
    "Second Chance",
    "Crossroads",
    "Next Steps",
    "Switch",
    "Rethink",
    "Pathways",
]


@dataclass
class Person:
    first: str
    last: str
    female: bool

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    def email(self, year: int) -> str:
        domain = "hmiprobation.gov.uk" if year >= 2019 else "hmiprobation.gsi.gov.uk"
        local = re.sub(r"[^a-z.]", "", f"{self.first}.{self.last}".lower())
        return f"{local}@{domain}"


def _person(rng: random.Random) -> Person:
    female = rng.random() < 0.55
    return Person(rng.choice(FIRST_F if female else FIRST_M), rng.choice(SURNAMES), female)


def _area_name(rng: random.Random) -> str:
    root = rng.choice(ROOTS)
    r = rng.random()
    if r < 0.5:
        return root + rng.choice(SUFFIXES)
    if r < 0.75:
        return f"{root} {rng.choice(SECOND)}"
    if r < 0.88:
        return f"{rng.choice(DIRECTIONS)} {root}{rng.choice(SUFFIXES)}"
    other = rng.choice(ROOTS)
    return f"{root}{rng.choice(SUFFIXES)} and {other}{rng.choice(SUFFIXES)}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


# --- templates ----------------------------------------------------------------------------------
# `[a|b|c]` picks one alternative; `{slot}` is filled per paragraph (see `_slots`).

_ALT = re.compile(r"\[([^\[\]]*)\]")
_SINGULAR = re.compile(r"((?<![\d,.])1 )((?:eligible |custodial )?)cases\b")
_COMPILED: dict[str, list[str | tuple[str, ...]]] = {}


def _compile(template: str) -> list[str | tuple[str, ...]]:
    parts: list[str | tuple[str, ...]] = []
    pos = 0
    for m in _ALT.finditer(template):
        parts.append(template[pos : m.start()])
        parts.append(tuple(m.group(1).split("|")))
        pos = m.end()
    parts.append(template[pos:])
    return parts


def _fill(rng: random.Random, template: str, slots: dict) -> str:
    parts = _COMPILED.get(template)
    if parts is None:
        parts = _COMPILED[template] = _compile(template)
    text = "".join(p if isinstance(p, str) else rng.choice(p) for p in parts)
    text = text.format_map(slots) if "{" in text else text
    text = _SINGULAR.sub(r"\1\2case", text) if " 1 " in text else text
    return text[:1].upper() + text[1:]


# Per topic: lead sentences by polarity (good / mixed / poor), follow-up sentences, summary
# clauses (sg, sp), key strength and weakness statements, SQS improvement bullets and FJI
# recommendations. Follow-ups stand alone so they can also be whole paragraphs in an FJI.
T: dict[str, dict[str, list[str]]] = {
    "assessment": {
        "good": [
            "Assessments of the likelihood of reoffending were completed on time in {of}.",
            "[The quality of assessment|Assessment of the likelihood of reoffending] was [good|a strength|generally sound], with a sufficient assessment in {of}.",
            "{cm} [drew on|made good use of] information from [schools, children's social care and the police|a wide range of sources|schools, health services and the police] to build a rounded picture of each {cyp1}.",
        ],
        "mixed": [
            "An assessment of the likelihood of reoffending had been completed in {of}, but the quality [varied|was inconsistent].",
            "Assessments were timely in {of}, although [not all of them|only some of them] explained why the {cyp1} had offended.",
        ],
        "poor": [
            "Assessments of the likelihood of reoffending were [insufficient|not good enough|of poor quality] in {rest_of}.",
            "Only {of} had a sufficient assessment of the likelihood of reoffending.",
            "[Assessment|The quality of assessment] was [weak|poor]; {rest_of} did not have an assessment that explained why the {cyp1} had offended.",
        ],
        "good_more": [
            "Assessments explained the reasons for offending clearly and [took account of|considered] the views of the {cyp1} and their {parents}.",
            "{cm} [routinely|consistently] gathered information from children's social care before completing the assessment.",
            "The [best|strongest] assessments [analysed|explored] the link between [family circumstances|peer associations|school exclusion] and offending.",
        ],
        "poor_more": [
            "In [several|a number of|too many] cases the assessment had been copied forward from an earlier sentence without enough updating.",
            "Assessments were often completed late, in [one case|some cases] more than {weeks} weeks after the start of the sentence.",
            "Information held by [children's social care|schools|the police] had not been [sought|used] in {sub_of}.",
        ],
        "sg": [
            "assessment was generally sound",
            "assessments of the likelihood of reoffending were thorough",
        ],
        "sp": [
            "too many assessments were late or superficial",
            "assessment of the likelihood of reoffending was not good enough",
        ],
        "strong": [
            "Assessments of the likelihood of reoffending were [thorough and timely|of a good standard|well informed by partner agencies].",
            "{cm} used information from partner agencies well when assessing {cyp}.",
        ],
        "weak": [
            "Assessments were too often late or copied forward from earlier sentences.",
            "Assessments did not explain clearly why {cyp} had offended.",
        ],
        "improve": [
            "Assessments of the likelihood of reoffending should be completed on time and should explain why the {cyp1} offended.",
            "{cm} should update assessments rather than copy them forward from earlier sentences.",
        ],
        "rec": [
            "The {org} Manager should make sure that assessments are completed on time and updated whenever circumstances change."
        ],
    },
    "psr": {
        "good": [
            "Pre-sentence reports were of a good standard in {sub_of} where one had been prepared.",
            "Reports to court were [well written|clear and balanced|of good quality], and proposals were [realistic|clearly linked to the assessment] in {sub_of}.",
        ],
        "mixed": [
            "Pre-sentence reports were sufficient in {sub_of}, although some proposals were not clearly linked to the assessment."
        ],
        "poor": [
            "Pre-sentence reports were not good enough in {sub_rest_of} where one had been prepared.",
            "Only {sub_of} had a pre-sentence report of sufficient quality.",
        ],
        "good_more": [
            "Sentencers told us that they [valued the reports|found the proposals realistic|had confidence in the {org}].",
            "The [Chair of the Youth Court Bench|youth court legal adviser], {bench}, described the reports as [consistently helpful|balanced and well argued].",
        ],
        "poor_more": [
            "Some reports [contained factual errors|did not consider the impact on the victim|proposed an intensive sentence that the assessment did not support].",
            "Reports were not always quality assured by a manager before they went to court.",
        ],
        "sg": ["reports to court were consistently of a good standard"],
        "sp": ["the quality of pre-sentence reports was inconsistent"],
        "strong": [
            "Pre-sentence reports were consistently of a [good|high] standard.",
            "Sentencers had confidence in the {org}'s reports to court.",
        ],
        "weak": ["The quality of pre-sentence reports was inconsistent."],
        "improve": [
            "Pre-sentence reports should be quality assured by a manager before they are submitted to court."
        ],
        "rec": [
            "The {org} Manager should make sure that every pre-sentence report is quality assured before it goes to court."
        ],
    },
    "planning": {
        "good": [
            "Planning to reduce reoffending was [good|a strength|sound]. Intervention plans were sufficient in {of}.",
            "Intervention plans [followed logically from the assessment|were clear and specific] in {of}.",
        ],
        "mixed": [
            "An intervention plan was in place in {of}, but only {sub} plans were of sufficient quality.",
            "Planning had improved since our last visit, but plans were still too generic in {sub} cases.",
        ],
        "poor": [
            "Planning to reduce reoffending was [weak|poor|the weakest area of practice]. Intervention plans were sufficient in only {of}.",
            "The plans we read contained an average of {objectives} objectives, none of which had been given any priority.",
            "Planning was [not good enough|weak]; {rest_of} did not have a sufficient intervention plan.",
        ],
        "good_more": [
            "Objectives were [specific and measurable|few in number and prioritised|written in language the {cyp1} could understand].",
            "Plans set out clearly who would do what, and by when.",
        ],
        "poor_more": [
            "Many plans contained the same generic objectives, such as 'attend all appointments' and 'stay out of trouble', whatever the assessment had found.",
            "As a result, neither the {cyp1} nor the case manager could tell which piece of work mattered most.",
            "Few objectives said what would change for the {cyp1} or how progress would be measured.",
        ],
        "sg": [
            "intervention plans were clear and well focused",
            "planning to reduce reoffending was a strength",
        ],
        "sp": ["planning was weak in too many cases", "intervention plans were too often generic"],
        "strong": [
            "Intervention plans were [specific|clear and specific|well prioritised] and followed from the assessment."
        ],
        "weak": [
            "Intervention plans were often generic and did not reflect the individual assessment.",
            "Plans contained too many objectives, none of them prioritised.",
        ],
        "improve": [
            "Intervention plans should contain a small number of [prioritised|specific, measurable] objectives.",
            "Plans should follow from the assessment and say how progress will be measured.",
        ],
        "rec": [
            "The {org} Manager should make sure that intervention plans contain specific objectives that follow from the assessment of each {cyp1}."
        ],
    },
    "involvement": {
        "good": [
            "{Cyp} and their {parents} had contributed to their intervention plan in {of}.",
            "{cm} [made real efforts|worked hard] to involve {cyp} and their {parents} in planning, and did so in {of}.",
        ],
        "mixed": [
            "{Cyp} had been involved in drawing up their plan in {of}, but {parents} had been involved less often."
        ],
        "poor": [
            "{Cyp} and their {parents} had contributed to their intervention plan in only {of}.",
            "[Few|Too few] {cyp} had been involved in planning their own work; this happened in only {of}.",
        ],
        "good_more": [
            "Where they had been involved, plans were [more specific|clearer] and more likely to be followed.",
            "Plans were written in plain language, and several used the {cyp1}'s own words.",
        ],
        "poor_more": [
            "Most plans were written in professional language that a {cyp1} would struggle to follow.",
            "Copies of the plan had not been given to the {cyp1} in {sub_of}.",
        ],
        "sg": ["{cyp} were involved in planning their own work"],
        "sp": ["{cyp} and their {parents} were rarely involved in planning"],
        "strong": ["{Cyp} and their {parents} were involved well in planning."],
        "weak": ["{Cyp} and their {parents} were not involved enough in planning."],
        "improve": [
            "Plans should be written with {cyp} and their {parents}, in language they understand."
        ],
        "rec": [
            "Case managers should involve {cyp} and their {parents} in drawing up and reviewing plans."
        ],
    },
    "interventions": {
        "good": [
            "Interventions were delivered as [intended|planned] in {of}.",
            "A [wide|good] range of interventions was available, including an offending behaviour programme called '{programme}'.",
        ],
        "mixed": [
            "Interventions were delivered as planned in {of}, but [some were started late|the choice of programme was limited]."
        ],
        "poor": [
            "Interventions were delivered as planned in only {of}.",
            "Too little work had been done to address the reasons for offending in {rest_of}.",
        ],
        "good_more": [
            "{cm} used a [good|creative] range of methods to keep {cyp} [interested|engaged].",
            "The '{programme}' programme was [well regarded by staff|valued by the {cyp} we spoke to|evaluated regularly].",
        ],
        "poor_more": [
            "In [several|some] cases, [appointments were used only to check on progress|the planned intervention had not started {weeks} weeks into the order]."
        ],
        "sg": ["interventions were well delivered"],
        "sp": ["too little work had been delivered to address offending"],
        "strong": ["A wide range of interventions was available and delivered as planned."],
        "weak": ["Planned interventions were too often delivered late or not at all."],
        "improve": [
            "Interventions should [start promptly|be delivered as planned] and address the reasons for offending identified in the assessment."
        ],
        "rec": [
            "The {org} Manager should make sure that planned interventions are delivered promptly."
        ],
    },
    "education": {
        "good": [
            "At the time of the inspection, {ete_pct}% of {cyp} were in education, training or employment.",
            "{cm} worked [closely|well] with schools and colleges, and {of} showed good progress in education.",
        ],
        "mixed": [
            "At the time of the inspection, {ete_pct}% of {cyp} were in education, training or employment, but this was lower for those of school age."
        ],
        "poor": [
            "Too few {cyp} of school age were receiving their full educational entitlement; only {of} did so.",
            "Only {ete_pct}% of {cyp} were in education, training or employment at the time of the inspection.",
        ],
        "good_more": [
            "The {org} education worker, {edu_worker}, helped {cyp} [return to school|find college places|secure apprenticeships]."
        ],
        "poor_more": [
            "Some {cyp} of school age were receiving fewer than {hours_week} hours of education a week.",
            "[Exclusions|Part-time timetables] had not been challenged in {sub_of}.",
        ],
        "sg": ["{cyp} were helped well into education, training and employment"],
        "sp": ["too few {cyp} were in full-time education"],
        "strong": ["The {org} education worker helped {cyp} back into education and training."],
        "weak": ["Too few {cyp} of school age were receiving their full educational entitlement."],
        "improve": [
            "Every {cyp1} of school age should receive their full educational entitlement."
        ],
        "rec": [
            "The Director of Children's Services should make sure that every {cyp1} of school age supervised by the {org} receives at least 25 hours of education each week."
        ],
    },
    "reparation": {
        "good": [
            "The {org} reparation scheme, run with the {area} {project}, was well regarded by staff and by the {cyp} we spoke to.",
            "Reparation was well organised. {Cyp} had carried out {hours} hours of reparation in the year before the inspection.",
        ],
        "mixed": [
            "Reparation was available, although [placements were limited|there were waiting lists for some placements|it started late in {sub_rest_of}]."
        ],
        "poor": [
            "Reparation [was poorly organised|did not start promptly]; in {sub_of} it had not begun {weeks} weeks into the order."
        ],
        "good_more": [
            "Much of the work took place in [local parks and community centres|allotments and community gardens|local parks, canal towpaths and community buildings], and victims were consulted about the type of reparation[| in {sub_of}]."
        ],
        "poor_more": [
            "Reparation activities were rarely linked to the offence or to the wishes of the victim."
        ],
        "sg": ["reparation was well organised"],
        "sp": ["reparation did not start promptly"],
        "strong": ["The reparation scheme with the {area} {project} was well regarded."],
        "weak": ["Reparation did not start promptly."],
        "improve": ["Reparation should start promptly and take account of the wishes of victims."],
        "rec": [
            "The {org} Manager should make sure that reparation starts promptly and reflects the wishes of victims."
        ],
    },
    "outcomes": {
        "good": [
            "Of the {n} {cyp} in the sample, {k} had not offended since the start of their sentence."
        ],
        "mixed": [
            "Of the {n} {cyp} in the sample, {k} had not offended since the start of their sentence, and a further {sub} were offending less often or less seriously."
        ],
        "poor": [
            "Of the {n} {cyp} in the sample, only {k} had not offended since the start of their sentence."
        ],
        "good_more": [
            "A further {sub} were offending less often or less seriously.",
            "Most {cyp} had made progress on the factors linked to their offending, particularly [education|family relationships|substance misuse|emotional wellbeing].",
        ],
        "poor_more": [
            "Progress on the factors linked to offending was evident in only {sub} cases.",
            "Too many {cyp} had been rearrested during their order.",
        ],
        "sg": ["most {cyp} had stopped or reduced their offending"],
        "sp": ["too few {cyp} had reduced their offending"],
        "strong": ["Most {cyp} in the sample had stopped or reduced their offending."],
        "weak": ["Too few {cyp} had reduced their offending."],
        "improve": ["The {org} should monitor whether interventions reduce offending."],
        "rec": [
            "The {org} Management Board should monitor outcomes for {cyp}, including reoffending, education and accommodation."
        ],
    },
    "risk_assessment": {
        "good": [
            "The assessment of risk of harm to others was sufficient in {of}.",
            "[Case managers|{Cm}] [thought carefully about|took account of] behaviour that had not resulted in a conviction, and the assessment of risk of harm was sufficient in {of}.",
        ],
        "mixed": [
            "The assessment of risk of harm to others was sufficient in {of}. Where it fell short, {cm} had not considered previous behaviour that had not led to a conviction."
        ],
        "poor": [
            "The assessment of risk of harm to others was [not good enough|insufficient] in {rest_of}.",
            "In {sub} cases, the classification of risk of harm was too low.",
        ],
        "good_more": [
            "Managers reviewed [all|{sub_of}] classified as high risk of harm within [five|ten] working days of the assessment being completed.",
            "Information from [the police|{police}|children's social care and the police] was used well to inform assessments.",
        ],
        "poor_more": [
            "In [two|three|several] of these, a manager had countersigned the assessment without noticing the error.",
            "Assessments [focused on the current offence and overlooked earlier incidents|did not consider the risk to siblings or partners].",
        ],
        "sg": ["the assessment of risk of harm was sound"],
        "sp": ["the risk of harm to others was too often underestimated"],
        "strong": [
            "The assessment of risk of harm to others was [thorough|timely and well evidenced|sound]."
        ],
        "weak": ["The risk of harm to others was underestimated in [too many cases|{rest} cases]."],
        "improve": [
            "Assessments of risk of harm should take account of all relevant behaviour, [not only convictions|including incidents that did not lead to a conviction]."
        ],
        "rec": [
            "The {org} Manager should make sure that assessments of risk of harm take account of all relevant behaviour and are checked by managers."
        ],
    },
    "risk_plans": {
        "good": [
            "Risk management plans were in place [in all cases|in {sub_of}] that needed one[|, and they were reviewed when risk changed].",
            "Risk management plans had been completed in {sub_of} that required one, and they were clear about the actions needed.",
        ],
        "mixed": [
            "Risk management plans were in place in all cases that needed one, although contingency arrangements were vague in {sub} of them."
        ],
        "poor": [
            "Risk management plans were [missing|insufficient] in {sub_rest_of} that required one.",
            "Planning to manage risk of harm was [weak|poor]; contingency planning was inadequate in {sub_of}.",
        ],
        "good_more": [
            "There was good joint planning with {police}, including regular information-sharing meetings about {cyp} who posed a high risk of harm."
        ],
        "poor_more": [
            "Plans did not say what would be done if [risk increased|the situation deteriorated|a warning sign appeared] in {sub_rest_of}.",
            "Actions to protect [known victims|other children] were not specific enough.",
        ],
        "sg": ["plans to manage risk of harm were clear"],
        "sp": ["contingency planning to manage risk of harm was weak"],
        "strong": ["Joint [planning|work] with {police} to manage risk of harm was effective."],
        "weak": ["Contingency arrangements in risk management plans were weak."],
        "improve": [
            "Risk management plans should set out what will be done if the risk of harm increases."
        ],
        "rec": [
            "The {org} Manager should make sure that risk management plans include clear contingency arrangements."
        ],
    },
    "mappa": {
        "good": [
            "[All|Each of the] {sub} young people in the sample who met the criteria for Multi-Agency Public Protection Arrangements (MAPPA) had been referred on time.",
            "MAPPA level 2 meetings were attended by {org} managers in {sub_of}, and their contributions were recorded in the minutes.",
        ],
        "mixed": [
            "Referrals to MAPPA were made on time in {sub_of}, but actions agreed at MAPPA meetings were not always reflected in the {org} plan."
        ],
        "poor": [
            "Referrals to MAPPA were late in {sub_rest_of} that met the criteria.",
            "[Case managers|{Cm}] were unclear about when a referral to Multi-Agency Public Protection Arrangements (MAPPA) should be made, and {sub_rest} eligible cases had not been referred.",
        ],
        "good_more": [
            "{org} managers came well prepared to MAPPA meetings[| and knew the cases well].",
            "Actions agreed at MAPPA meetings were reflected in the {org} risk management plan in {sub_of}.",
        ],
        "poor_more": [
            "In the most serious example, the referral was made {weeks} weeks after the young person first became eligible.",
            "Nobody in the {org} had checked that MAPPA referrals were made.",
        ],
        "sg": ["work with MAPPA was effective"],
        "sp": [
            "some referrals to Multi-Agency Public Protection Arrangements (MAPPA) were made late"
        ],
        "strong": [
            "{org} managers attended every MAPPA level 2 meeting for the {cyp} they supervised."
        ],
        "weak": ["Referrals to MAPPA were [made late|not always made when needed]."],
        "improve": [
            "Referrals to MAPPA should be made as soon as a {cyp1} meets the criteria, and all staff should understand the referral process."
        ],
        "rec": [
            "The {org} Manager should make sure that all eligible cases are referred to MAPPA on time."
        ],
    },
    "victims": {
        "good": [
            "Work with victims was a strength. The {org} victim worker, {victim_worker}, had contacted victims in all relevant cases.",
            "{restorative} restorative justice conferences had taken place in the year before the inspection, and victims' wishes were [respected|taken into account].",
        ],
        "mixed": [
            "Victims were contacted in {of}, although their views were not always reflected in [plans|the choice of reparation]."
        ],
        "poor": [
            "The safety of victims was not given enough attention in {sub_of}.",
            "Victims had not been contacted in {sub_rest_of} where contact was appropriate.",
        ],
        "good_more": [
            "Restorative justice conferences were [well prepared|well attended|valued by victims]."
        ],
        "poor_more": ["Plans did not include measures to protect [known|identified] victims."],
        "sg": ["work with victims was of a high standard"],
        "sp": ["the needs and safety of victims were not always considered"],
        "strong": [
            "Work with victims of crime, including [restorative justice conferences|direct and indirect reparation], was of a [high|good] standard."
        ],
        "weak": ["The safety of victims was not always considered."],
        "improve": [
            "The safety and wishes of victims should be considered in every relevant case."
        ],
        "rec": [
            "The {org} Manager should make sure that plans include measures to protect identified victims."
        ],
    },
    "restrictions": {
        "good": [
            "Restrictive measures, such as [curfews and exclusion zones|electronically monitored curfews|non-association requirements], were used appropriately and were monitored [closely|carefully] in {of}.",
            "Home visits were made in {of} where there was a risk of harm to others, and {cm} recorded what they had seen[ during each visit|].",
        ],
        "mixed": ["Home visits were made in {of}, but what was seen was not always recorded."],
        "poor": [
            "Home visits had not been made in {rest_of} where there was a risk of harm to others.",
            "[Curfews|Exclusion zones|Curfews and exclusion zones] were not monitored closely enough in {sub_rest_of}.",
        ],
        "good_more": ["Information was shared promptly with {police}."],
        "poor_more": ["Breaches of curfew had not been followed up in {sub} cases."],
        "sg": ["restrictive measures were used and monitored well"],
        "sp": ["home visits were not made often enough"],
        "strong": [
            "Home visits were used well to [manage risk of harm|understand family circumstances|check on curfew compliance]."
        ],
        "weak": ["Home visits were not made often enough where there was a risk of harm."],
        "improve": [
            "Home visits should be made in all cases where there is a risk of harm to others."
        ],
        "rec": [
            "The {org} Manager should make sure that home visits are carried out where there is a risk of harm to others."
        ],
    },
    "vulnerability": {
        "good": [
            "The things that made {cyp} vulnerable were identified [well|thoroughly] in {of}, and were reviewed when circumstances changed.",
            "Factors that made {cyp} vulnerable were identified in {of}.",
            "Vulnerability management plans were completed in all {sub} cases that required one.",
        ],
        "mixed": [
            "Vulnerability management plans were completed where needed but were not [always|consistently] reviewed after a significant event, such as [a move of placement|an arrest|a period missing from home|a school exclusion]."
        ],
        "poor": [
            "Safeguarding and vulnerability assessments were [insufficient|not good enough] in {rest_of}.",
            "Vulnerability management plans were missing in {sub_rest_of} that required one.",
        ],
        "good_more": [
            "Plans were clear about who would do what, although they were not always shared with partner agencies.",
            "Child protection referrals had been made appropriately in the {sub} cases where they were needed.",
            "{cm} worked well with children's social care, particularly for the {sub} {cyp} who were looked after.",
        ],
        "poor_more": [
            "In [one case|two cases], a child protection concern had not been referred to children's social care.",
            "Information from children's social care was not routinely sought.",
        ],
        "sg": ["the identification of vulnerability was a clear strength"],
        "sp": ["work to keep {cyp} safe was not good enough"],
        "strong": ["The things that made {cyp} vulnerable were identified and acted on."],
        "weak": ["Vulnerability was not always identified or reviewed."],
        "improve": [
            "Vulnerability management plans should be [completed and reviewed|shared with partner agencies and reviewed] in every case that needs one."
        ],
        "rec": [
            "The {org} Manager should make sure that vulnerability management plans are completed and reviewed after any significant change."
        ],
    },
    "mental_health": {
        "good": [
            "Emotional and mental health needs were well identified. This was largely due to the Child and Adolescent Mental Health Services (CAMHS) worker seconded to the {org} for {days_week} days a week, {camhs_worker}, who screened every new case.",
            "In [every case|{of}] where a mental health need had been identified, there was evidence that the {cyp1} had been offered an appointment with the CAMHS worker or a specialist service.",
            "Emotional and mental health needs were identified in {of}, and {cm} referred {cyp} to CAMHS promptly.",
        ],
        "mixed": [
            "Emotional and mental health needs were identified in {of}, but {cyp} waited {weeks} weeks on average for a first CAMHS appointment."
        ],
        "poor": [
            "The waiting list for Child and Adolescent Mental Health Services (CAMHS) was {weeks} weeks for a first appointment.",
            "Only {sub_of} with an identified mental health need had started to receive a service by the time of the inspection.",
        ],
        "good_more": [
            "The CAMHS worker, {camhs_worker}, advised {cm} on how to respond to [anxiety|self-harm|trauma] and [low mood|attachment difficulties].",
            "Speech and language needs were screened at the start of every order[| by a speech and language therapist| using a recognised tool].",
        ],
        "poor_more": [
            "The {org} health worker offered interim support to {cyp} on the waiting list, but this could not replace specialist assessment and treatment.",
            "Emotional and mental health needs had not been identified in {sub} cases where there were clear indicators.",
        ],
        "sg": [
            "the identification of emotional and mental health needs was a clear strength",
            "access to mental health services was good",
        ],
        "sp": ["{cyp} with mental health needs waited too long for a service from CAMHS"],
        "strong": [
            "The [seconded CAMHS worker|{org} health worker|CAMHS worker, {camhs_worker},] made sure that the emotional and mental health needs of {cyp} were identified and acted on."
        ],
        "weak": ["{Cyp} waited too long for a first CAMHS appointment."],
        "improve": ["{Cyp} with mental health needs should have prompt access to CAMHS."],
        "rec": [
            "The {org} Management Board and the clinical commissioning group should reduce the waiting time for CAMHS for {cyp} supervised by the {org}."
        ],
    },
    "substance": {
        "good": [
            "Substance misuse needs were identified in {sub} cases, and the {org} substance misuse worker, {sm_worker}, saw {cyp} within {days} working days of referral.",
            "Work on substance misuse was [well integrated with|closely linked to|well coordinated with] other interventions[| in {of}].",
        ],
        "mixed": [
            "Substance misuse needs were identified in {sub} cases, but referrals to the specialist worker were not always made promptly."
        ],
        "poor": [
            "Substance misuse needs were not assessed properly in {sub_rest_of} where there were indicators of misuse.",
            "Too few {cyp} with substance misuse needs had received specialist help; only {sub_of} had been referred.",
        ],
        "good_more": [
            "{cm} and the substance misuse worker [shared information routinely|met regularly to discuss progress|held joint sessions where this helped]."
        ],
        "poor_more": [
            "There was a waiting list of {weeks} weeks for the specialist substance misuse service."
        ],
        "sg": ["substance misuse work was well integrated"],
        "sp": ["substance misuse needs were not always addressed"],
        "strong": ["The {org} substance misuse worker[|, {sm_worker},] provided a prompt service."],
        "weak": ["Substance misuse needs were not always assessed or addressed."],
        "improve": [
            "Substance misuse needs should be [assessed and addressed promptly|screened in every case and referred promptly]."
        ],
        "rec": [
            "The {org} Manager should make sure that {cyp} with substance misuse needs are referred promptly to specialist services."
        ],
    },
    "custody": {
        "good": [
            "There were {sub} custodial cases in the sample. {Cm} visited young people in custody regularly and attended all sentence planning meetings.",
            "Resettlement planning for young people leaving custody [started early|was thorough], and accommodation was confirmed in good time in {sub_of}.",
        ],
        "mixed": [
            "{Cm} attended sentence planning meetings for young people in custody, but plans for release were made late in {sub_rest} cases."
        ],
        "poor": [
            "Plans for release were made too late. In {sub_rest_of}, accommodation and education for release had not been confirmed until the last two weeks of the custodial period.",
            "Resettlement planning for young people in custody was [weak|poor] in {sub_rest_of}.",
        ],
        "good_more": [
            "Young people were met at the gate on release[| by their case manager] and taken to their accommodation[| or to their first appointment]."
        ],
        "poor_more": [
            "Information from the [secure establishment|young offender institution|secure training centre] was not used to update the assessment in {sub_rest_of}."
        ],
        "sg": ["resettlement work with young people in custody was good"],
        "sp": ["plans for young people leaving custody were made too late"],
        "strong": [
            "Resettlement planning for young people leaving custody was [thorough|timely|well coordinated with the secure establishment]."
        ],
        "weak": ["Plans for young people leaving custody were made too late."],
        "improve": [
            "Resettlement planning for young people in custody should start at the beginning of the sentence."
        ],
        "rec": [
            "The {org} Manager should make sure that resettlement planning for young people in custody starts at the beginning of the sentence."
        ],
    },
    "looked_after": {
        "good": [
            "{cm} worked well with children's social care for the {sub} {cyp} who were looked after."
        ],
        "mixed": [
            "Joint work with children's social care was good for looked after {cyp}, but less so for those on [child in need|child protection] plans."
        ],
        "poor": [
            "Work with children's social care was [poorly coordinated|weak], and {cm} were not invited to reviews for {sub_rest_of} involving looked after {cyp}."
        ],
        "good_more": [
            "{cm} [attended looked after reviews|attended child in need meetings|contributed to care planning] and shared information [promptly|with social workers]."
        ],
        "poor_more": [
            "[Placement moves|Changes of placement|Periods missing from care] were not always known to the case manager[| until weeks later]."
        ],
        "sg": ["joint work with children's social care was good"],
        "sp": ["joint work with children's social care was poorly coordinated"],
        "strong": ["Joint work with children's social care for looked after {cyp} was effective."],
        "weak": ["Joint work with children's social care was poorly coordinated."],
        "improve": [
            "{cm} and social workers should share information and attend each other's reviews."
        ],
        "rec": [
            "The Director of Children's Services should make sure that social workers and {cm} share information about looked after {cyp}."
        ],
    },
    "diversity": {
        "good": [
            "{Cm} had a [good|sound|thorough] understanding of diversity factors, including [learning difficulties|learning disabilities|ethnicity and faith] and [speech and language needs|communication needs].",
            "Learning difficulties were identified in {sub} cases, and {cm} adapted their methods accordingly.",
        ],
        "mixed": [
            "Diversity factors were identified in {of}, but {cm} did not always adapt their approach."
        ],
        "poor": [
            "Diversity factors were [not identified|not considered] in {rest_of}.",
            "{Cm} did not take enough account of [learning difficulties|speech and language needs|learning difficulties and speech and language needs] in {rest_of}.",
        ],
        "good_more": [
            "Appointments were arranged at times and places that made it easier for {cyp} to attend."
        ],
        "poor_more": [
            "Barriers to engagement, such as [caring responsibilities|travel costs|caring responsibilities or travel costs], were not addressed[| in {sub_rest_of}]."
        ],
        "sg": ["{cm} had a good understanding of diversity"],
        "sp": ["diversity factors were not always taken into account"],
        "strong": ["{cm} adapted their work to the learning and communication needs of {cyp}."],
        "weak": ["Diversity factors were not always taken into account."],
        "improve": ["{cm} should identify and respond to the diversity needs of every {cyp1}."],
        "rec": [
            "The {org} Manager should make sure that learning and communication needs are screened at the start of every order."
        ],
    },
    "engagement": {
        "good": [
            "Relationships between {cm} and the families of {cyp} were [a strength|a particular strength|consistently good].",
            "{Cyp} told us that their case manager listened to them. In our survey, {k} of the {n} who responded said the {org} had helped them to stay out of trouble.",
            "{Parents} were involved in the work in most cases, and a parenting worker ran a [six|eight]-week group programme [three|four] times a year.",
        ],
        "mixed": ["{Cm} knew their {cyp} well, but contact with {parents} was inconsistent."],
        "poor": [
            "{Cyp} were not always seen often enough to build a working relationship; in {sub_rest_of} contact was [fortnightly|monthly] or less.",
            "Contact with {parents} was [limited|infrequent] in {rest_of}.",
        ],
        "good_more": [
            "Home visits were used to good effect, and {parents} told us they felt [listened to|involved|supported].",
            "{cm} built trusting relationships and kept {cyp} engaged.",
        ],
        "poor_more": ["Changes of case manager had disrupted relationships in {sub} cases."],
        "sg": ["{cm} knew their {cyp} well and worked hard to keep them engaged"],
        "sp": ["{cyp} were not seen often enough"],
        "strong": ["{Cm} built trusting relationships with {cyp} and their {parents}."],
        "weak": ["Contact with {parents} was [inconsistent|limited]."],
        "improve": ["{cm} should involve {parents} in the work throughout the order."],
        "rec": ["Case managers should make sure that {parents} are involved throughout the order."],
    },
    "enforcement": {
        "good": [
            "Non-compliance was dealt with firmly but fairly; in the {sub} cases that returned to court for breach, the case manager had first tried to re-engage the young person.",
            "{cm} responded well to missed appointments. Where enforcement was needed, it was carried out promptly in {sub_of}.",
        ],
        "mixed": [
            "Missed appointments were followed up in {of}, but enforcement action was delayed in {sub_rest} cases."
        ],
        "poor": [
            "Enforcement was [inconsistent|too slow]; unacceptable absences had not been followed up in {rest_of}.",
            "Of the {n} {cyp}, {sub} had been returned to court for breach, in some cases without any attempt at re-engagement.",
        ],
        "good_more": [
            "The {org} had a clear procedure for re-engaging {cyp} before breach action, and it was used consistently."
        ],
        "poor_more": [
            "Decisions about whether absences were acceptable were not recorded in {sub_rest_of}."
        ],
        "sg": ["non-compliance was dealt with firmly but fairly"],
        "sp": ["enforcement was inconsistent"],
        "strong": [
            "Non-compliance was dealt with [firmly but fairly|promptly and consistently|fairly, with real efforts to re-engage {cyp}]."
        ],
        "weak": ["Enforcement of orders was inconsistent."],
        "improve": [
            "Missed appointments should be followed up [promptly|within one working day] and decisions recorded."
        ],
        "rec": [
            "The {org} Manager should make sure that enforcement decisions are timely and recorded."
        ],
    },
    "reviewing": {
        "good": [
            "Assessments and plans were reviewed at the required intervals in {of}.",
            "Where reviews took place, they were [thorough|well recorded], and they [usually|often] led to changes in the plan.",
        ],
        "mixed": [
            "Assessments and plans were reviewed at the required intervals in {of}, but reviews after significant changes in circumstances were often missed."
        ],
        "poor": [
            "Reviews were [not carried out|late] in {rest_of}.",
            "Reviews were not carried out when circumstances changed, for example after [an arrest|a new offence|a change of school] or [a move of placement|a breakdown at home].",
        ],
        "good_more": ["Reviews took account of the views of the {cyp1} and their {parents}."],
        "poor_more": [
            "Where reviews took place, they [rarely|seldom] led to changes in the plan[| or the level of contact]."
        ],
        "sg": ["reviews were timely and thorough"],
        "sp": ["reviews were not carried out when circumstances changed"],
        "strong": [
            "Assessments and plans were reviewed [regularly|at the required intervals|promptly when circumstances changed]."
        ],
        "weak": ["Reviews were not always carried out when circumstances changed."],
        "improve": [
            "Assessments and plans should be reviewed whenever there is a significant change[| in circumstances|, such as a new offence or a move of placement]."
        ],
        "rec": [
            "Case managers should review assessments and plans whenever there is a significant change in a {cyp1}'s circumstances."
        ],
    },
    "oversight": {
        "good": [
            "Management oversight was effective in {of}; managers [checked|quality assured] assessments and plans before countersigning them.",
            "Managers [were visible and accessible|knew the cases well], and {cm} valued the [supervision|support] they received[| from {manager} and the team managers].",
        ],
        "mixed": [
            "Managers were [accessible|supportive], but management oversight of [planning|risk of harm work|assessment] was inconsistent in {of}."
        ],
        "poor": [
            "Management oversight [had not been effective|was insufficient] in {rest_of}.",
            "Countersigning of [assessments and plans|plans|risk assessments] had become a routine task rather than a check on quality[| in {rest_of}].",
        ],
        "good_more": [
            "Staff told us that they received [good supervision and training|regular supervision|good training, including on {training}]."
        ],
        "poor_more": ["Managers had not noticed that [plans|assessments] were of poor quality."],
        "sg": ["management oversight was effective"],
        "sp": ["management oversight was not effective"],
        "strong": [
            "Managers provided effective [oversight and supervision|oversight of assessment and planning|supervision to {cm}]."
        ],
        "weak": ["Management oversight of assessment and planning was not effective."],
        "improve": [
            "Managers should quality assure [plans|assessments and plans|risk of harm work] rather than simply countersign them."
        ],
        "rec": [
            "The {org} Manager should make sure that managers quality assure assessments and plans."
        ],
    },
    "governance": {
        "good": [
            "The {org} Management Board was chaired by {chair_role}, {chair}. Board members understood the performance of the {org} and challenged it effectively.",
            "Partnership working was [good|strong|effective] overall, and [partners|health, education and police partners] were represented at the right level on the Management Board.",
        ],
        "mixed": [
            "Partnership working was good overall. The exception was [the commissioning of CAMHS|education provision], where the Board had not yet secured improvements for {cyp} supervised by the {org}."
        ],
        "poor": [
            "The {org} Management Board did not have enough information about the quality of work to challenge performance.",
            "Attendance at the Management Board by [health|education|police] partners was poor.",
        ],
        "good_more": ["The {org} Manager, {manager}, was well respected by staff and partners."],
        "poor_more": ["Board members could not tell us what the {org}'s priorities were."],
        "sg": ["leadership and governance were strong"],
        "sp": ["the Management Board did not hold partners to account"],
        "strong": [
            "The {org} Management Board, chaired by {chair}, challenged performance effectively."
        ],
        "weak": ["The Management Board did not monitor the quality of work."],
        "improve": [
            "The Management Board should monitor the quality of work through [regular case audits|regular reports on practice|themed audits]."
        ],
        "rec": [
            "The {org} Management Board should monitor the quality of practice through regular case audits."
        ],
    },
}

SQS_THEMES = [
    (
        "Reducing reoffending",
        [
            "assessment",
            "psr",
            "planning",
            "involvement",
            "interventions",
            "education",
            "reparation",
        ],
    ),
    (
        "Protecting the public",
        ["risk_assessment", "risk_plans", "mappa", "victims", "restrictions"],
    ),
    (
        "Protecting the child or young person",
        ["vulnerability", "mental_health", "substance", "custody", "looked_after"],
    ),
    (
        "Ensuring that the sentence is served",
        ["diversity", "engagement", "enforcement", "reviewing", "oversight"],
    ),
]
FJI_THEMES = [
    (
        "Reducing reoffending",
        [
            ("Assessment", ["assessment", "psr"]),
            ("Planning", ["planning", "involvement"]),
            ("Interventions", ["interventions", "reparation", "education"]),
            ("Outcomes", ["outcomes"]),
        ],
    ),
    (
        "Protecting the public",
        [
            ("Assessment of risk of harm", ["risk_assessment"]),
            ("Planning to manage risk of harm", ["risk_plans"]),
            ("Multi-Agency Public Protection Arrangements", ["mappa"]),
            ("Delivery of work to protect the public", ["restrictions", "victims"]),
        ],
    ),
    (
        "Protecting the child or young person",
        [
            ("Assessment of safeguarding and vulnerability", ["vulnerability", "looked_after"]),
            ("Emotional and mental health", ["mental_health"]),
            ("Substance misuse", ["substance"]),
            ("Custody and resettlement", ["custody"]),
        ],
    ),
    (
        "Ensuring that the sentence is served",
        [
            ("Engagement and diversity", ["diversity", "engagement"]),
            ("Compliance and enforcement", ["enforcement"]),
            ("Reviewing", ["reviewing"]),
            ("Governance and partnerships", ["governance", "oversight"]),
        ],
    ),
]

CONTEXT = [
    "Work done at the start of a sentence sets the direction for everything that follows, so we focus on the quality of assessment and planning.",
    "The quality of assessment and planning early in a sentence has a strong influence on whether {cyp} go on to stop offending.",
    "Our Short Quality Screening looks at the work done in the early stages of a sentence, when the foundations for later work are laid.",
]
CONTEXT_MORE = [
    "Where the allocated case manager was available, we looked at each case together with them, which gave staff an opportunity to reflect on their practice.",
    "Where possible, we looked at each case alongside the case manager.",
    "We also spoke to managers and partner agencies, and to some of the {cyp} and their {parents}.",
]
INTRO_TAIL = [
    "The report will be available on the HMI Probation website. We will also share a copy with partner inspectorates and with the Youth Justice Board (YJB) to inform their work.",
    "The report will be available on the HMI Probation website, and a copy will be shared with partner inspectorates and with the Youth Justice Board (YJB).",
    "A copy of this report will be published on the HMI Probation website and shared with the Youth Justice Board (YJB).",
]
OVERALL_OPEN = [
    "Overall, we found that {cm} in {area} knew their {cyp} well and worked hard to keep them engaged.",
    "Overall, we found a committed staff group in {area} {org}.",
    "Overall, {area} {org} was a capable service.",
    "Overall, the work of {area} {org} was [mixed|uneven] in quality.",
    "Overall, we found that {area} {org} had [made progress|improved] since our previous inspection in {prev_year}.",
]
OPM_GOOD = [
    "Managers in {area} were [visible and accessible|approachable], and {cm} valued the [supervision|support] they received.",
    "The {org} Manager, {manager}, had a clear understanding of the strengths and weaknesses of the service.",
    "Staff told us that managers were supportive and that training was of a good standard.",
    "Caseloads were manageable, and cases were allocated promptly.",
]
OPM_POOR = [
    "Management oversight of planning and of MAPPA referrals had not been effective, however, and countersigning of plans had become a routine task rather than a check on quality.",
    "However, managers had not identified the weaknesses in practice that we found.",
    "Staff turnover had been high, and {sub} cases had changed case manager at least once during the order.",
    "The {org} had been through a restructure, and some staff were unsure of their roles.",
]
THANKS = [
    "We would like to thank the staff in the {org} for the help they gave us in preparing for and carrying out this inspection. We would be grateful if you could pass on our thanks and share these findings with them.",
    "We are grateful to the staff of {area} {org} for their help with the inspection. Please share these findings with them.",
    "Thank you to the staff and managers of the {org} for their cooperation during the inspection.",
]
NOTES = [
    [
        "Note 1: HMI Probation is an independent inspectorate. We report to Ministers and the public on how well work with people who have offended, or who are at risk of offending, is being done, and we aim to help the organisations we inspect to improve.",
        "Note 1: HM Inspectorate of Probation is an independent inspectorate, funded by the Ministry of Justice and reporting directly to the Secretary of State.",
    ],
    [
        "Note 2: The criteria we use for Short Quality Screening are published on the HMI Probation website.",
        "Note 2: Our inspection criteria and guidance for Short Quality Screening are available on the HMI Probation website.",
    ],
    [
        "Note 3: Reoffending figures are published by the Ministry of Justice and relate to a cohort of {cyp} supervised before the cases we inspected.",
        "Note 3: The reoffending rate is a binary measure and does not show whether offending became less frequent or less serious.",
    ],
]


# --- per-area and per-report state ----------------------------------------------------------------


@dataclass
class Area:
    name: str
    county: str
    org: str
    org_full: str
    manager: Person
    chair: Person
    chair_role: str
    dcs: Person
    project: str
    programme: str
    camhs_worker: Person
    history: list[tuple[int, str, str]] = field(default_factory=list)  # (year, kind, dates)


@dataclass
class Staff:
    leads: list[Person]
    acis: list[tuple[range, Person]]


def _staff(seed: int) -> Staff:
    rng = random.Random(f"{seed}:staff")
    leads = [_person(rng) for _ in range(24)]
    acis = [
        (range(2010, 2013), _person(rng)),
        (range(2013, 2016), _person(rng)),
        (range(2016, 2019), _person(rng)),
        (range(2019, 2021), _person(rng)),
    ]
    return Staff(leads, acis)


def _new_area(rng: random.Random, name: str) -> Area:
    county_root = rng.choice(ROOTS)
    county = (
        f"{county_root}shire"
        if rng.random() < 0.7
        else f"{county_root} {rng.choice(['Vale', 'Downs', 'Wolds'])}"
    )
    org, org_full = (
        ("YOS", "Youth Offending Service")
        if rng.random() < 0.65
        else ("YOT", "Youth Offending Team")
    )
    return Area(
        name=name,
        county=county,
        org=org,
        org_full=org_full,
        manager=_person(rng),
        chair=_person(rng),
        chair_role=rng.choice(
            [
                "the Director of Children's Services",
                "the Local Authority Chief Executive",
                "the Chief Superintendent of the local police",
                "an elected member",
            ]
        ),
        dcs=_person(rng),
        project=rng.choice(PROJECTS),
        programme=rng.choice(PROGRAMMES),
        camhs_worker=_person(rng),
    )


def _date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _range(a: date, b: date) -> str:
    if a.month == b.month:
        return f"{a.day}-{b.day} {MONTHS[b.month - 1]} {b.year}"
    return f"{a.day} {MONTHS[a.month - 1]} to {b.day} {MONTHS[b.month - 1]} {b.year}"


def _weekday(
    rng: random.Random, year: int, first: int, last: int, weekdays: tuple[int, ...]
) -> date:
    d = date(year, 1, 1) + timedelta(days=rng.randint(first, last))
    while d.weekday() not in weekdays:
        d += timedelta(days=1)
    return d


class _Report:
    """Builds the text of one report. All randomness comes from `rng`."""

    def __init__(self, rng: random.Random, area: Area, staff: Staff, year: int, kind: str):
        self.rng, self.area, self.staff, self.year, self.kind = rng, area, staff, year, kind
        fji = kind == "fji"
        self.n = rng.randint(30, 60) if fji else rng.randint(10, 24)
        length = 4 if fji else rng.choice([2, 2, 3])
        self.start = _weekday(rng, year, 10, 285, (0,) if fji else (0, 1))
        self.end = self.start + timedelta(days=length)
        self.published = self.end + timedelta(
            days=rng.randint(42, 63) if fji else rng.randint(24, 40)
        )
        while self.published.weekday() > 4:
            self.published += timedelta(days=1)
        self.lead = rng.choice(staff.leads)
        self.aci = next(p for yrs, p in staff.acis if year in yrs)
        quality = rng.uniform(0.2, 0.9)
        self.score = {t: quality + rng.gauss(0, 0.22) for t in T}
        self.plan = self._plan_fji() if fji else self._plan_sqs()
        self.covered = [t for _, parts in self.plan for _, topics in parts for t in topics]
        self.rate = round(rng.uniform(24.0, 48.0), 1)
        self.average = round(rng.uniform(33.5, 38.5), 1)
        if area.history and rng.random() < 0.35:
            area.manager = _person(rng)
        self.prev = area.history[-1] if area.history else None
        cyp = rng.choices(["children and young people", "young people"], [3, 1])[0]
        self.base = {
            "area": area.name,
            "org": area.org,
            "org_full": area.org_full,
            "cm": rng.choices(["case managers", "case workers", "practitioners"], [4, 1, 1])[0],
            "cyp": cyp,
            "cyp1": "child or young person" if cyp.startswith("children") else "young person",
            "parents": rng.choice(["parents/carers", "parents and carers"]),
            "manager": area.manager.name,
            "chair": area.chair.name,
            "chair_role": area.chair_role,
            "police": f"{area.county} Police",
            "project": area.project,
            "programme": area.programme,
            "camhs_worker": area.camhs_worker.name,
            "sm_worker": _person(rng).name,
            "victim_worker": _person(rng).name,
            "edu_worker": _person(rng).name,
            "bench": _person(rng).name,
            "prev_year": self.prev[0] if self.prev else year - 3,
            "n": self.n,
        }
        for key in ("cm", "cyp", "parents"):
            self.base[key.capitalize()] = self.base[key][:1].upper() + self.base[key][1:]

    def _plan_sqs(self) -> list[tuple[str, list[tuple[str, list[str]]]]]:
        plan = []
        for theme, pool in SQS_THEMES:
            chosen = set(self.rng.sample(pool, self.rng.randint(3, min(6, len(pool)))))
            plan.append((theme, [("", [t]) for t in pool if t in chosen]))
        return plan

    def _plan_fji(self) -> list[tuple[str, list[tuple[str, list[str]]]]]:
        plan = []
        for theme, subs in FJI_THEMES:
            drop = self.rng.choice(subs[1:]) if self.rng.random() < 0.4 else None
            plan.append((theme, [s for s in subs if s is not drop]))
        return plan

    # polarity and slots

    def polarity(self, topic: str) -> str:
        s = self.score[topic]
        return "good" if s > 0.6 else "poor" if s < 0.4 else "mixed"

    def slots(self, pol: str) -> dict:
        rng, n = self.rng, self.n
        lo, hi = {"good": (0.78, 1.0), "mixed": (0.55, 0.78), "poor": (0.25, 0.58)}[pol]
        k = max(1, min(n, round(n * rng.uniform(lo, hi))))
        sub = rng.randint(2, max(3, min(n // 2, 22 if self.kind == "fji" else 8)))
        subk = max(1, min(sub, round(sub * rng.uniform(lo, hi))))
        if pol != "good":  # a mixed or poor finding always has some cases that fell short
            k, subk = min(k, n - 1), min(subk, sub - 1)
        s = dict(self.base)
        s.update(
            k=k,
            rest=n - k,
            pct=round(100 * k / n),
            of=self.of(k, n),
            rest_of=self.of(n - k, n),
            sub=sub,
            sub_rest=sub - subk,
            sub_of=self.of(subk, sub),
            sub_rest_of=self.of(sub - subk, sub),
            weeks=rng.randint(3, 8) if pol == "good" else rng.randint(6, 18),
            days=rng.randint(3, 10),
            days_week=rng.choice(["two", "three", "four"]),
            hours=f"{rng.randint(4, 30) * 100 + rng.choice([0, 20, 40, 60, 80]):,}",
            hours_week=rng.choice([10, 12, 15, 20]),
            objectives=rng.randint(8, 14),
            ete_pct=rng.randint(*{"good": (70, 92), "mixed": (52, 72), "poor": (30, 55)}[pol]),
            restorative=rng.randint(6, 30),
            training=rng.choice(
                [
                    "trauma-informed practice",
                    "child sexual exploitation",
                    "AssetPlus",
                    "speech and language needs",
                    "restorative justice",
                    "risk of harm",
                ]
            ),
        )
        return s

    def of(self, k: int, n: int) -> str:
        if k == n:
            return "both cases" if n == 2 else f"all {n} cases"
        form = self.rng.random()
        if form < 0.55:
            return f"{k} of the {n} cases"
        if form < 0.8:
            return f"{k} of {n} cases"
        return f"{k} of the {n} cases ({round(100 * k / n)}%)"

    def say(self, template: str, pol: str = "good") -> str:
        return _fill(self.rng, template, self.slots(pol))

    def sentences(self, topic: str, count: int) -> list[str]:
        """A lead sentence and `count - 1` follow-ups for `topic`, in its polarity."""
        rng, pol, t = self.rng, self.polarity(topic), T[topic]
        lead = rng.choice(t[pol])
        pool = (
            t["good_more"]
            if pol == "good"
            else t["poor_more"]
            if pol == "poor"
            else t["good_more"] + t["poor_more"]
        )
        more = rng.sample(pool, min(len(pool), count - 1))
        slots = self.slots(pol)
        return [_fill(rng, x, slots) for x in [lead, *more]]

    def ranked(self) -> list[str]:
        return sorted(self.covered, key=lambda t: self.score[t], reverse=True)

    def overall(self) -> str:
        rng, ranked = self.rng, self.ranked()
        opens = OVERALL_OPEN if self.prev else OVERALL_OPEN[:-1]
        good = [t for t in ranked[:4]]
        bad = ranked[-2:][::-1]
        g = [self.say(rng.choice(T[t]["sg"])) for t in rng.sample(good, 2)]
        b = [self.say(rng.choice(T[t]["sp"])) for t in bad]
        lower = [
            x[:1].lower() + x[1:] if not x.startswith(("CAMHS", "MAPPA")) else x for x in g + b
        ]
        text = self.say(rng.choice(opens))
        text += f" {g[0]}, and {lower[1]}."
        if rng.random() < 0.6:
            text += f" However, {lower[2]}, and {lower[3]}."
        else:
            text += f" However, {lower[2]}."
        return text

    def bullets(self, key: str, topics: list[str]) -> list[str]:
        return [self.say(self.rng.choice(T[t][key])) for t in topics]

    # SQS

    def sqs(self) -> str:
        rng, a, b = self.rng, self.area, self.base
        tag = (lambda s: f"<i>{s}</i>") if rng.random() < 0.8 else (lambda s: s)
        to_title = rng.choice(["", "", "Dr ", "Cllr "])
        out = [
            "",
            "",
            "",
            "",
            f"{tag('To:')}\t{to_title}{a.chair.name}, Chair of {a.org} Management Board",
            f"{tag('Copy to:')}\tSee copy list at end",
            f"{tag('From:')}\t{self.aci.name}, Assistant Chief Inspector{rng.choice([' (Youth Justice)', ''])}",
            f"{tag('Publication date:')}\t{_date(self.published)}",
            "",
            f"Report of Short Quality Screening (SQS) of youth offending work in {a.name}",
            "",
        ]
        intro = (
            f"The inspection was conducted from {_range(self.start, self.end)} as part of our "
            f"{rng.choice(['inspection programme for', 'programme of inspection of'])} youth offending work."
        )
        if self.prev:
            pkind = "Full Joint Inspection" if self.prev[1] == "fji" else "Short Quality Screening"
            intro += f" Our previous inspection of {a.name} was a {pkind} carried out from {self.prev[2]}."
        intro += " " + self.say(rng.choice(INTRO_TAIL))
        out += [intro, "", "Context", ""]
        out += [
            self.say(rng.choice(CONTEXT))
            + f" Inspectors looked at {self.n} cases of {b['cyp']} supervised by "
            f"{a.name} {a.org_full} ({a.org}) who had offended recently. "
            + self.say(rng.choice(CONTEXT_MORE)),
            "",
        ]
        stats_pub = self.published - timedelta(days=rng.randint(40, 160))
        cohort_end = date(stats_pub.year - 2, rng.randint(1, 12), 1)
        cohort_start = date(cohort_end.year - 1, cohort_end.month, 1) + timedelta(days=31)
        cohort_start = cohort_start.replace(day=1)
        cohort_end = (cohort_end.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(
            days=1
        )
        footnote = (
            f"¹ Published {MONTHS[stats_pub.month - 1]} {stats_pub.year}, using binary reoffending rates "
            f"measured 12 months after the offence for the cohort from {MONTHS[cohort_start.month - 1]} "
            f"{cohort_start.year} to {MONTHS[cohort_end.month - 1]} {cohort_end.year}. Source: Ministry of Justice"
        )
        split_footnote = rng.random() < 0.4
        out += [
            "Summary",
            "",
            f"The published reoffending rate¹ for {a.name} was {self.rate}% against the England and Wales average of {self.average}%.",
            "",
        ]
        if not split_footnote:
            out += [footnote, ""]
        out += [self.overall(), "", f"Commentary on the inspection in {a.name}:", ""]
        for ti, (theme, parts) in enumerate(self.plan, start=1):
            topics = [t for _, (t,) in parts]
            out += [f"{ti}. {theme}", ""]
            for pi, topic in enumerate(topics, start=1):
                text = " ".join(self.sentences(topic, rng.choices([1, 2, 3], [35, 45, 20])[0]))
                para = f"- {ti}.{pi}. {text}"
                if split_footnote and ti == 1 and pi >= 2:
                    cut = _split_point(para)
                    if cut:
                        out += [para[:cut].rstrip(), "", footnote, "", para[cut:].lstrip(), ""]
                        split_footnote = False
                        continue
                out += [para, ""]
        if split_footnote:  # no paragraph was long enough to split: the footnote ends the page
            out += [footnote, ""]
        out += ["Operational management", ""]
        opm = rng.sample(OPM_GOOD, rng.randint(1, 2))
        if self.polarity("oversight") != "good":
            opm.append(rng.choice(OPM_POOR))
        out += [" ".join(self.say(x) for x in opm), ""]
        ranked = self.ranked()
        out += ["Key strengths", ""]
        out += [f"- {x}" for x in self.bullets("strong", ranked[: rng.randint(2, 4)])]
        out += ["", "Areas requiring improvement", ""]
        out += [f"- {x}" for x in self.bullets("improve", ranked[::-1][: rng.randint(2, 4)])]
        out += ["", self.say(rng.choice(THANKS)), ""]
        pronoun = "She" if self.lead.female else "He"
        out += [
            f"If you have any further questions about the inspection please contact the lead inspector, "
            f"who was {self.lead.name}. {pronoun} can be contacted at {self.lead.email(self.year)} "
            f"or on 07700 900{rng.randint(0, 999):03d}.",
            "",
        ]
        out += ["Copy to:\t"] + [f"{role}\t<i>{name}</i>" for role, name in self.copy_list()]
        out += [""] + [self.say(rng.choice(opts)) + "\n" for opts in NOTES]
        return "\n".join(out)

    def copy_list(self) -> list[tuple[str, str]]:
        rng, a = self.rng, self.area
        rows = [
            (f"{a.org} Manager", a.manager.name),
            ("Local Authority Chief Executive", _person(rng).name),
            ("Director of Children's Services", a.dcs.name),
            ("Lead Elected Member for Children's Services", f"Cllr {_person(rng).name}"),
        ]
        if self.year >= 2013:
            rows.append((f"Police and Crime Commissioner for {a.county}", _person(rng).name))
        else:
            rows.append((f"Chair of {a.county} Police Authority", _person(rng).name))
        rows += [
            ("Chair of Local Safeguarding Children Board", _person(rng).name),
            ("Chair of Youth Court Bench", self.base["bench"]),
            ("YJB Business Area Manager", _person(rng).name),
            ("YJB link staff", f"{_person(rng).name}, {_person(rng).name}"),
            ("Ofsted – Social Care", _person(rng).name),
            ("Care Quality Commission", _person(rng).name),
        ]
        if self.year >= 2013 and rng.random() < 0.4:
            rows.append(("Clinical Commissioning Group", _person(rng).name))
        drop = set(rng.sample(range(5, len(rows)), rng.randint(0, 2)))
        return [r for i, r in enumerate(rows) if i not in drop]

    # FJI

    def fji(self) -> str:
        rng, a, b = self.rng, self.area, self.base
        dates = _range(self.start, self.end)
        out = [
            f"**Publication date:** {_date(self.published)}",
            f"**Fieldwork dates:** {dates}",
            f"**Lead inspector:** {self.lead.name}",
            "**Inspectorate:** HM Inspectorate of Probation, with "
            + rng.choice(
                [
                    "Ofsted, the Care Quality Commission and HM Inspectorate of Constabulary",
                    "Ofsted and the Care Quality Commission",
                    "Ofsted, the Care Quality Commission, HM Inspectorate of Constabulary and HM Inspectorate of Prisons",
                ]
            ),
            f"**Youth offending service:** {a.name} {a.org_full} ({a.org})",
            "",
            f"# Full Joint Inspection of youth offending work in {a.name}",
            "",
            "## Summary",
            "",
        ]
        out += [
            f"This report sets out the findings of the Full Joint Inspection (FJI) of youth offending work in {a.name}. "
            f"Inspectors examined {self.n} cases of {b['cyp']} supervised by {a.name} {a.org}, and interviewed "
            f"{b['cm']}, managers, board members and partner agencies during fieldwork from {dates}.",
            "",
        ]
        stats_pub = self.published - timedelta(days=rng.randint(40, 160))
        ce = date(stats_pub.year - 2, rng.randint(1, 12), 1)
        cs = date(ce.year - 1, ce.month % 12 + 1, 1) if ce.month < 12 else date(ce.year, 1, 1)
        out += [
            f"The published reoffending rate for {a.name} was {self.rate}% against the England and Wales average of "
            f"{self.average}%. The rate is the binary reoffending rate after 12 months for the cohort from "
            f"{MONTHS[cs.month - 1]} {cs.year} to {MONTHS[ce.month - 1]} {ce.year}, published by the Ministry of "
            f"Justice in {MONTHS[stats_pub.month - 1]} {stats_pub.year}.",
            "",
        ]
        out += [
            self.overall(),
            "",
            "The cases we inspected were made up as follows:",
            "",
            "| Case type | Number |",
            "|---|---|",
        ]
        custody = rng.randint(3, self.n // 5)
        other = rng.randint(1, 4)
        ro = rng.randint(self.n // 5, self.n // 3)
        out += [
            f"| Referral orders | {ro} |",
            f"| Youth Rehabilitation Orders | {self.n - ro - custody - other} |",
            f"| Detention and Training Orders | {custody} |",
            f"| Other custodial sentences | {other} |",
            f"| Total | {self.n} |",
            "",
        ]
        ranked = self.ranked()
        weak = ranked[::-1][: rng.randint(3, 6)]
        out += ["## Key strengths", ""] + [
            f"- {x}" for x in self.bullets("strong", ranked[: rng.randint(3, 5)])
        ]
        out += ["", "## Areas for improvement", ""] + [f"- {x}" for x in self.bullets("weak", weak)]
        out += ["", "## Recommendations", ""]
        out += [f"{i}. {x}" for i, x in enumerate(self.bullets("rec", weak), start=1)]
        for ti, (theme, subs) in enumerate(self.plan, start=1):
            out += ["", f"## {ti}. {theme}"]
            for si, (sub, topics) in enumerate(subs, start=1):
                out += ["", f"### {ti}.{si} {sub}"]
                sentences: list[str] = []
                for topic in topics:
                    want = rng.randint(3, 5) if len(topics) == 1 else rng.randint(2, 3)
                    sentences += self.sentences(topic, want)
                paras, i = [], 0
                while i < len(sentences):
                    size = 1 if len(sentences) - i == 1 else rng.choices([1, 2], [45, 55])[0]
                    paras.append(" ".join(sentences[i : i + size]))
                    i += size
                for pi, text in enumerate(paras[:4], start=1):
                    out += ["", f"{ti}.{si}.{pi} {text}"]
        return "\n".join(out) + "\n"


def _split_point(para: str) -> int | None:
    """Where a page break could fall mid-sentence: before a lower-case word, after a bare word."""
    words = [m for m in re.finditer(r"\S+", para)]
    cands = [
        w.start()
        for prev, w in zip(words, words[1:], strict=False)
        if w.group()[:1].islower()
        and w.group()[:1].isalpha()
        and prev.group()[-1:].isalpha()
        and w.start() > len(para) * 0.45
    ]
    return cands[len(cands) // 2] if len(cands) >= 2 else None


# --- corpus -------------------------------------------------------------------------------------


def _corpus_plan(seed: int, n_reports: int):
    """Yield (rng, area, year, kind) for each report: areas in order, each inspected 2-5 times."""
    staff = _staff(seed)
    used: set[str] = set()
    total, i = 0, 0
    while total < n_reports:
        rng = random.Random(f"{seed}:area:{i}")
        i += 1
        name = _area_name(rng)
        for _ in range(20):
            if name not in used and name not in AVOID:
                break
            name = _area_name(rng)
        used.add(name)
        area = _new_area(rng, name)
        count = rng.choices([2, 3, 4, 5], [3, 4, 2, 1])[0]
        for year in sorted(rng.sample(list(YEARS), count)):
            if total >= n_reports:
                break
            kind = "fji" if rng.random() < FJI_SHARE else "sqs"
            total += 1
            yield rng, area, staff, year, kind


def generate_corpus(out_dir: Path, n_reports: int, seed: int = 0) -> list[Path]:
    """Write `n_reports` synthetic reports to `out_dir` and return their paths, in order."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    names: set[str] = set()
    for rng, area, staff, year, kind in _corpus_plan(seed, n_reports):
        report = _Report(rng, area, staff, year, kind)
        text = report.fji() if kind == "fji" else report.sqs()
        area.history.append((year, kind, _range(report.start, report.end)))
        ext = ".md" if kind == "fji" else ".txt"
        stem = f"{_slug(area.name)}_{kind}_{year}"
        name, n = stem, 1
        while name in names:
            n += 1
            name = f"{stem}_{n}"
        names.add(name)
        path = out_dir / f"{name}{ext}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m bench.generate", description=__doc__.splitlines()[0]
    )
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("n", type=int, help="number of reports")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    paths = generate_corpus(args.out_dir, args.n, args.seed)
    print(f"wrote {len(paths)} reports to {args.out_dir} in {time.perf_counter() - t0:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
