"""Report-level metadata read from the report's own text. A value that is not printed is None."""

from __future__ import annotations

import re
from datetime import date

from findings.lexicon import FACT_FIELDS, FIELDWORK_CUES
from findings.records import Paragraph, ReportMeta
from findings.vocab import INSPECTION_TYPES, MONTH_PATTERN, MONTHS

SQS_KEY, FJI_KEY = "short quality screening", "full joint inspection"

# the words before a report's fieldwork dates ("conducted from …", "visited … from …")
_FIELDWORK_CUES = "|".join(re.escape(c) for c in FIELDWORK_CUES)

_MONTH = MONTH_PATTERN
DATE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(\d{{4}})\b", re.I)
# 27-29 April 2015 | 27 April - 1 May 2015 | 30 March to 2 April 2015 | between 3 and 5 June 2019
RANGE = re.compile(
    rf"\b(\d{{1,2}})(?:\s+{_MONTH})?(?:\s+(\d{{4}}))?\s*(?:-|–|—|to|and|until)\s*(\d{{1,2}})\s+{_MONTH}\s+(\d{{4}})\b",
    re.I,
)
# a month and year with no day before it ("July 2024"; "31 February 2016" is a date, and not one)
MONTH_YEAR = re.compile(rf"(?<!\d)(?<!\d\s)\b{_MONTH}\s+(\d{{4}})\b", re.I)
PUBLISHED = re.compile(
    rf"\bpublished(?: on)?:?\s+(\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+\d{{4}})\b", re.I
)
# a score out of a maximum ("Score: 22/36", "a score of 21 out of a possible 36"): the overall
# score a rated inspection gives beside its grade, told where the text says "score"; a note's
# mark may follow it ("24 out of 36¹": no word boundary there, the mark being a digit of \w)
SCORE = re.compile(
    r"\b(?P<value>\d{1,3}\s?(?:/|out of\s+(?:a\s+possible\s+|a\s+maximum\s+of\s+)?)\d{1,3})"
    r"(?!\d)(?![A-Za-z])"
)
_SCORED_THINGS = frozenset({"cases", "children", "young", "of", "the"})


def out_of(value: str, after: str) -> bool:
    """Is "N/M" or "N out of M" a score (no more than its maximum), not a count of the cases or
    children a sentence scores ("scored well in 7 out of 12 cases")?"""
    numbers = [int(n) for n in re.findall(r"\d+", value)]
    counted = (after.split() or [""])[0].strip(".,;:").lower() in _SCORED_THINGS
    return len(numbers) == 2 and 0 < numbers[1] and numbers[0] <= numbers[1] and not counted


def states_score(text: str) -> bool:
    """Does the line give a score out of a maximum and say so ("Overall rating: Good. Score:
    24 out of 36", "overall rating Good (score 24 out of 36)")? Such a line is a finding,
    not the name of a part."""
    m = SCORE.search(text)
    return m is not None and "scor" in text.lower() and out_of(m.group("value"), text[m.end() :])


HEAD_CHARS = 3000  # the front of a report, where its publication date is printed
INSPECTORATES = [
    (
        "HM Inspectorate of Probation",
        r"HM Inspectorate of Probation|HMI Probation|Her Majesty's Inspectorate of Probation",
    ),
]


def _iso(day: str, month: str, year: str) -> str | None:
    try:
        return date(int(year), MONTHS[month.lower()], int(day)).isoformat()
    except (ValueError, KeyError):
        return None


# A name (lead inspector, inspectorate, area) longer than this is a paragraph that happens to
# start with the label, not a name: it is not taken.
MAX_NAME_CHARS = 200


def _field(paragraphs: list[Paragraph], *names: str) -> str | None:
    for p in paragraphs:
        if p.kind in ("field", "table_row", "prose", "bullet") and ":" in p.text:
            label, _, value = p.text.partition(":")
            if label.strip().lower() in names and value.strip():
                return value.strip()
    return None


def _name(value: str | None) -> str | None:
    return value if value is not None and len(value) <= MAX_NAME_CHARS else None


# a letter's front-block labels of the date it bears ("Date:", "Date of letter:")
LETTER_DATE_LABELS = tuple(k for k, (kind, _) in FACT_FIELDS.items() if kind == "letter_date")


def extract_metadata(
    report_id: str, title: str | None, paragraphs: list[Paragraph], front: dict | None = None
) -> ReportMeta:
    """`front`: the report's own metadata block (Markdown's YAML front matter), lower-case
    keys; what it names is taken before anything read from the text."""
    front = {k.replace("_", " "): v for k, v in (front or {}).items() if isinstance(v, str)}
    meta = ReportMeta(report_id=report_id, title=_name(front.get("title")) or title)
    full = "\n".join([title or ""] + [f"{k}: {v}" for k, v in front.items()])
    full += "\n" + "\n".join(p.text for p in paragraphs)

    pub = _front(front, "publication date", "published", "date of publication") or _field(
        paragraphs, "publication date", "published", "date of publication"
    )
    if not pub:  # "Published 7 September 2022" with no colon, or a letter's "Date:" line
        said = PUBLISHED.search(full[:HEAD_CHARS])
        header = [p for p in paragraphs if p.section == "Header"]
        pub = (
            said.group(1)
            if said
            else _field(header, *LETTER_DATE_LABELS)
            # a letter's date on a line of its own above "Dear …" ("8 December 2017")
            or next((p.text for p in header if DATE.fullmatch(p.text.strip())), None)
        )
    m = DATE.search(pub or "")
    if m:
        meta.publication_date = _iso(*m.groups())

    fw = _field(
        paragraphs, "fieldwork", "fieldwork dates", "inspection dates", "dates of inspection"
    )
    candidates = [fw] if fw else []
    candidates += re.findall(rf"(?:{_FIELDWORK_CUES}|inspected)[^.]{{0,120}}", full, re.I)
    # the dates before the cue, in its sentence ("Between 13 and 15 November 2017, HM
    # Inspectorate of Probation carried out …")
    # (the cue found first, then up to 120 characters back to the sentence's start: a pattern
    # opening with "[^.]{0,120}" tries 120 starts at every character, seconds on a long text)
    taken = 0
    for cue in re.finditer(rf"(?:{_FIELDWORK_CUES})", full, re.I):
        before = full[max(taken, cue.start() - 120) : cue.end()]
        candidates.append(before[before.rfind(".") + 1 :])
        taken = cue.end()
    for text in candidates:
        r = RANGE.search(text or "")
        if r:
            d1, m1, y1, d2, m2, y2 = r.groups()
            meta.fieldwork_start = _iso(d1, m1 or m2, y1 or y2)
            meta.fieldwork_end = _iso(d2, m2, y2)
            break

    if meta.fieldwork_start is None:
        # one date after the cue ("The fieldwork took place during the week of 4 March 2024")
        one = next((d for text in candidates if (d := DATE.search(text or ""))), None)
        if one is not None:
            meta.fieldwork_start = _iso(*one.groups())

    year_src = meta.publication_date or meta.fieldwork_end or meta.fieldwork_start
    meta.year = int(year_src[:4]) if year_src else None
    if meta.year is None:
        # a month and year in the front block ("HM Inspectorate of Probation, July 2024")
        front_text = "\n".join(p.text for p in paragraphs if p.section == "Header")
        said = MONTH_YEAR.search(front_text)
        meta.year = int(said.group(2)) if said else None

    lead = _name(_front(front, "lead inspector") or _field(paragraphs, "lead inspector"))
    if not lead:
        m = re.search(
            r"(?i:lead inspector)(?: (?:for|on|of) (?:this|the|our) \w+)?(?:,? (?:who )?(?:was|is)|:)"
            r"\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,3})",
            full,
        )
        lead = m.group(1) if m else None
    if lead:
        # the field's first sentence: "Helen Marchbank, HMI Probation. The inspection team
        # included …" names her; a title or an initial ("Dr. A. Shah") ends no sentence
        lead = re.split(r"(?<=[a-z]{3})\.\s+(?=[A-Z])", lead, maxsplit=1)[0]
    meta.lead_inspector = lead.rstrip(".") if lead else None

    head = " ".join([title or "", front.get("type", "")])
    found = next((t.key for t in INSPECTION_TYPES if re.search(t.in_report, head, re.I)), None)
    if found is None:
        # the text names the report's own kind before the earlier inspection it follows up
        # ("This inspection is part of our programme of youth offending service inspections
        # … since our Short Quality Screening in 2014"); a screening that names the full
        # joint inspection first is still a screening (the order of INSPECTION_TYPES)
        named = {
            t.key: m.start()
            for t in INSPECTION_TYPES
            if (m := re.search(t.in_report, full[:3000], re.I))
        }
        found = min(named, key=lambda key: named[key]) if named else None
        if found == FJI_KEY and SQS_KEY in named:
            found = SQS_KEY
    if found:
        meta.inspection_type = found

    explicit = _name(_front(front, "inspectorate") or _field(paragraphs, "inspectorate"))
    for name, pattern in INSPECTORATES:
        if re.search(pattern, explicit or full, re.I):
            meta.inspectorate = name
            break
    else:
        meta.inspectorate = explicit

    meta.area = (
        _name(_front(front, "area", "local authority"))
        or _area(title, full)
        or _name(_field(paragraphs, "area", "local authority"))
    )
    return meta


def _front(front: dict[str, str], *names: str) -> str | None:
    return next((front[n].strip() for n in names if front.get(n, "").strip()), None)


# A place name stays on one line: "in Brindlemoor" at a line's end is not "Brindlemoor Published"
_PLACE = r"[A-Z][\w'’-]*(?:[ \t]+(?:and[ \t]+|upon[ \t]+|on[ \t]+|of[ \t]+)?[A-Z][\w'’-]*)*"
_SERVICE = r"\s+(?:Youth\s+(?:Offending|Justice)\s+(?:Service|Team)|YOS|YOT|YJS)\b"


_SERVICE_WORDS = frozenset({"Youth", "YOS", "YOT", "YJS"})
# words a cover's next line opens with, run on into the place before them ("… in Ravensholt /
# HM Inspectorate of Probation / December 2022"): no place's
_NEXT_LINE_WORDS = frozenset({"HM", "Published", "Publication"}) | {m.capitalize() for m in MONTHS}


def _place_only(place: str) -> str:
    """The place without the service's name a title line run on into it ("Lythermoor
    Lythermoor Youth Justice Service": the title's two lines and the service's, joined)."""
    ws = place.split()
    end = next(
        (
            k
            for k, w in enumerate(ws[1:], 1)
            if w == ws[0] or w in _SERVICE_WORDS or w in _NEXT_LINE_WORDS
        ),
        len(ws),
    )
    return " ".join(ws[:end])


def _area(title: str | None, text: str) -> str | None:
    """The area inspected, as the report prints it: "… youth offending work in Thurrock",
    "Thurrock Youth Offending Service …"; None when it is not printed that way."""
    if title:
        m = re.search(rf"\bin\s+({_PLACE})\s*$", title) or re.match(
            rf"^(?:The\s+)?({_PLACE}?){_SERVICE}", title
        )
        if m:
            return _place_only(m.group(1))
    for pattern in (
        rf"\byouth (?:offending|justice) (?:work|services?) in\s+({_PLACE})",
        rf"\bsupervised by\s+(?:the\s+)?({_PLACE}?){_SERVICE}",
    ):
        m = re.search(pattern, text[:5000])
        if m:
            return _place_only(m.group(1))
    return None
