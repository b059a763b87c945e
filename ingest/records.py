"""Structured findings (issue 10): every strength, improvement, recommendation, rating and key
fact of a parsed report as a `Record` citing the paragraph it came from.

`extract_records(report) -> list[Record]`, in reading order. It reads the structure the parser
kept, never one report's wording:

- items: the bullets and numbered paragraphs under a list heading (`findings.vocab.LIST_SECTIONS`)
  are strengths, improvements or recommendations; where a list heading has no marked items (a
  PDF that draws its bullets as shapes), each one-sentence paragraph under it is an item. A
  recommendation's `owner` is, in this order: a name in brackets at the item's end ("… (YOT
  management boards)."; not an abbreviation of the words before it, "(CAMHS)"), a name after a
  closing dash ("… — Director of Public Health, Ashcombe Council"), or the "X
  should:" group it sits in (the parser keeps that line as the last part of its
  `section_path`). An item written "X should do Y" gets no owner: its subject may be who acts
  ("The YOS Manager") or what is acted on ("Education records"), and that is not guessed;
- ratings: a two-cell table row or a "Standard: grade" line whose value is a grade
  (`findings.lexicon.GRADES`), and the report's "is rated: grade" sentence (the overall rating).
  `Rating: grade` lines under a standard's heading rate that heading, and are used only in a
  report that prints no summary of its ratings (else they would rate each standard twice);
- facts: header fields and two-cell table rows whose name says which fact they hold
  (`findings.lexicon.FACT_FIELDS`), then, for a fact no field holds, the sentence that states
  it ("the lead inspector, who was …", "conducted from <dates>", "examined 14 cases",
  "reoffending rate … 39.6% … England and Wales average of 36.1%", "the YOS Manager, <name>,").

A record's `text` is always a verbatim piece of its paragraph's stored text (the item, the row,
the line or the sentence), so a citation built from it passes the verbatim check; `value`,
`owner` and `subject` are None where the report does not print them. Linear in the report.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from findings.lexicon import (
    CASES_TABLE_CUE,
    CASES_TOTAL,
    CASES_VERBS,
    EMAIL_HEADER_FIELDS,
    FACT_FIELDS,
    FIELDWORK_CUES,
    GRADES,
    NATIONAL_CUES,
    OVERALL_RATING_HEADINGS,
    OVERALL_RATING_SUBJECT,
    OWNER_VERBS,
    PLAN_NAMES,
    RATING_FIELDS,
    REOFFENDING_CUE,
    SERVICE_MANAGER_TITLES,
    SET_AGAINST,
    SIGNER_TITLE_WORDS,
    STAFF_VERBS,
    SUPERVISING_VERBS,
    words_of,
)
from findings.records import Paragraph, ParsedReport, Record, citation_label
from findings.vocab import LETTER_SIGN_OFFS, list_kind
from ingest.metadata import DATE, RANGE, SCORE, SQS_KEY, out_of

_NAME_WORD = r"[A-Z][a-z][\w'’-]*"  # a word of a signer's name: capitalised, not in capitals
# the signer's name opening the line under a sign-off: two to four capitalised words, up to a
# title ("Marian Tollervey HM Inspector …": "HM" is all capitals, no name)
_SIGNER = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}")
EMAIL_SUBJECT = "subject"
_ADDRESS_AFTER = re.compile(r"\s*(?:\[mailto:[^\]]*\]|<[^>]*@[^>]*>)\s*$")  # after a sender's name
EMAIL_SENT = frozenset(
    words_of({k: v for k, v in EMAIL_HEADER_FIELDS.items() if k != EMAIL_SUBJECT})
)
_GRADE = "|".join(sorted((re.escape(g) for g in GRADES), key=len, reverse=True))
# `2.4 Reviewing: Inadequate`, `Overall rating: Good`, `Rating: Requires improvement.`, and
# with its score in brackets, `Overall rating: Good (score 24 out of 36)`
RATING_LINE = re.compile(
    rf"^(?P<subject>[^:]{{1,120}}?)(?<!\brated)\s*:\s*(?P<value>(?i:{_GRADE}))"
    r"(?:\s*\([^()]*\d[^()]*\))?\.?$"
)
# a grade as a grade is printed, capitalised ("rated as Good"; "a good range" is no grade)
_GRADES = re.compile(rf"\b(?:{'|'.join(re.escape(g.capitalize()) for g in GRADES)})\b")
_RATED = re.compile(rf"\bis rated:?\s+(?:as\s+)?[‘'\"“]?(?P<value>(?i:{_GRADE}))\b")
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}"
_LEAD = re.compile(
    # "the lead inspector (for this screening), who was …" ("… for this Short Quality
    # Screening was …")
    rf"\blead inspector(?:\s+(?:for|on|of)\s+(?:this|the|our)(?:\s+\w+){{1,4}}?)?,?\s+(?:who\s+)?"
    rf"(?:was|is)\s+(?P<value>{_NAME})"
    # a field run into the letter's closing lines ("Lead inspector: Helen Marchbank, HM
    # Inspector of Probation Telephone: …")
    rf"|(?i:\blead inspector):\s+(?P<colon>{_NAME})"
    rf"|\b(?:was|were)\s+led by\s+(?:HM Inspector\s+)?(?P<led>{_NAME})"
    # "… should go to the lead inspector, Tobias Grindley, at …": the name between commas
    rf"|\blead inspector,\s+(?P<app>{_NAME}),"
    # a sign-off: "Gareth Pellowe HM Inspector of Probation (lead inspector)"
    # (or set apart on a line of its own: "… HM Inspector of Probation Lead Inspector")
    # ("… Lead Inspector for this Short Quality Screening")
    rf"|^(?P<sig>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})\s+[^.()]{{0,60}}"
    r"(?:\(lead inspector\)|(?i:\blead inspector)(?:\s+(?:for|on|of)\s+(?:this|the|our)\b[^.]*)?$)"
    # "The inspection team comprised Lorna Battersby, HM Inspector, who led the screening"
    rf"|(?P<who>{_NAME}),(?:\s+[^,.;]{{1,40}},)?\s+who led\s+(?:the|this|our)\s+(?:inspection|screening)\b"
)
_TITLES = "|".join(re.escape(t) for t in sorted(SERVICE_MANAGER_TITLES, key=len, reverse=True))
# "The Head of Service, Rhodri Ferrers, took up…", "Eluned Tremlow became Head of Service in
# April 2021", "The Head of Service is Nadia Harrowby"
_MANAGER = re.compile(
    rf"\b(?i:{_TITLES}),\s+(?P<value>{_NAME}),"
    rf"|\b(?P<before>{_NAME})\s+(?:became|was appointed|has been|had been)\s+(?:the\s+)?"
    rf"(?i:{_TITLES})\b"
    rf"|\b(?i:{_TITLES})\s+(?:is|was|has been)\s+(?P<after>{_NAME})\b"
)
_CASES = re.compile(
    r"\b(?:" + "|".join(re.escape(v) for v in CASES_VERBS) + r")\s+"
    # "examined a representative sample of 46 cases"
    r"(?:(?:a\s+)?(?:(?:representative|random)\s+)?sample\s+of\s+)?(?:(?P<value>\d[\d,]*)\s+cases"
    # "We looked at the cases of 25 children who were subject to court orders", "the work done
    # with 16 children"
    r"|the\s+(?:cases|files|work)(?:\s+[a-z]+)?\s+(?:of|with)\s+(?P<of>\d[\d,]*)\s+"
    r"(?:children|young people))\b"
    # "… 16 out-of-court disposals, 36 cases in all": the total
    r"|\b(?P<total>\d[\d,]*)\s+cases\s+(?:" + "|".join(map(re.escape, CASES_TOTAL)) + r")\b"
    # "… 24 court disposal cases and 20 out-of-court disposal cases, 44 in total": the total
    r"|\bcases\s+and\s+[^.,;]{0,80}?\bcases,\s+(?P<sum>\d[\d,]*)\s+(?:"
    + "|".join(map(re.escape, CASES_TOTAL))
    + r")\b"
)
# "was supervising 137 children: 61 on court disposals …"; not "9 children per case manager"
_SUPERVISING = re.compile(
    r"\b(?:" + "|".join(re.escape(v) for v in SUPERVISING_VERBS) + r")\s+(?:a total of\s+)?"
    r"(?P<value>\d[\d,]*)\s+(?:children|young people)\b(?!\s+(?:per|each|in the sample)\b)"
    # "working with 47 children on court disposals and 37 on out-of-court disposals": a part,
    # not the caseload (which the text does not print)
    r"(?!\s+(?:on|in|under|subject to)\b[^.;:,]{0,60}?\band\s+\d[\d,]*\s+(?:on|in|under|subject to)\b)"
)
# a key fact set value first ("84 children on the YJS caseload in March 2023") or the caseload
# named before its size ("a caseload of 84 children"; not "an average caseload of 8 children")
_CASELOAD = re.compile(
    r"\b(?P<value>\d[\d,]*)\s+(?:children|young people)\s+(?:on|in)\s+(?:the|its|their)\s+"
    r"(?:[\w-]+\s+){0,2}caseload\b|(?<!average )\bcaseload\s+of\s+(?P<of>\d[\d,]*)\s+(?:children|young people)\b"
)
# "The YJS employs 38 staff, including 12 case managers"; not "31 of the 33 staff who replied"
_STAFF = re.compile(
    r"\b(?:" + "|".join(re.escape(v) for v in STAFF_VERBS) + r")\s+(?:a total of\s+)?"
    r"(?P<value>\d[\d,.]*\d|\d)\s+(?:members of\s+|full-time equivalent\s+|fte\s+)?staff\b"
)
_FIELDWORK = re.compile("|".join(re.escape(c) for c in FIELDWORK_CUES), re.I)
# the words after dates that open a sentence that may say what was done on them ("From 10 to
# 12 March 2015, HM Inspectorate of Probation conducted …")
FIELDWORK_CLAUSE_WORDS = 8
# "Published: 9 November 2022"; "It will be published on our website on 22 April 2014"
_PUBLISHED = re.compile(
    rf"\bPublished(?: on)?:?\s+(?P<value>{DATE.pattern})"
    rf"|\b(?:will be|was|is being) published\b[^.;]{{0,60}}?\bon\s+(?P<on>{DATE.pattern})"
)
# the plan a letter asks for, and when it is due: "by 13 January 2017", "within eight weeks of
# the date of this letter" (the date where a sentence gives both)
_PLAN = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in PLAN_NAMES) + r")\b", re.I)
_PLAN_DUE = re.compile(
    rf"\bby\s+(?P<value>{DATE.pattern})"
    r"|\b(?P<within>within\s+(?:[\w-]+\s+){1,2}(?:working\s+)?(?:days|weeks|months)\b"
    r"(?:\s+of\s+(?:the\s+)?(?:date|publication)\b(?:\s+of\s+(?:this|the)\s+letter)?)?)",
    re.I,
)
# "We are not asking for a formal action plan", "We do not require an action plan": a negation
# in the words before the plan's name
_NOT_ASKED = re.compile(r"\b(?:not|no)\b(?:\W+\w+){0,4}\W*$", re.I)
# "36.1%", "29.4 per cent" (as reports in house style write it), "29.4 percent"
_PERCENT = re.compile(r"\d+(?:\.\d+)?(?:%|\s?per\s?cent\b)")
_NATIONAL = re.compile("|".join(re.escape(c) for c in NATIONAL_CUES), re.I)
_SET_AGAINST = words_of(SET_AGAINST)
_VERBS = "|".join(OWNER_VERBS)
# an "X should:" group line (without its colon): the parser keeps it as a group, not a paragraph
GROUP_LINE = re.compile(rf"^(?P<owner>[A-Z][^.;:!?]{{1,150}}?)\s+(?:{_VERBS})$")
_BRACKETED = re.compile(r"\((?P<owner>[A-Z][^()]{1,80})\)\.?$")
# A sentence ends at `.`, `!` or `?` (and any footnote marker after it) before a capital.
_SENTENCE_END = re.compile(r"(?<=[.!?])[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s+(?=[A-Z0-9\"'“‘(])")
MAX_OWNER_WORDS = 10  # "Director of Public Health, Ashcombe Council" is six
_MAX_FIELD_LINE = 120  # a `Label: value` paragraph longer than this is prose, not a field
_SMALL_WORDS = frozenset(("and", "of", "the", "for", "in", "to", "on"))  # skipped in acronyms


def extract_records(report: ParsedReport) -> list[Record]:
    """Every record of `report`, in reading order of the paragraphs they cite."""
    paragraphs = report.paragraphs
    meta = report.meta.to_dict()  # once: every record's label is made from it
    found: list[tuple[int, Record]] = []
    found += _items(meta, paragraphs)
    found += _ratings(meta, paragraphs)
    found += _facts(meta, paragraphs)
    found.sort(key=lambda f: f[0])  # stable: a paragraph's records keep the order made
    return [r for _, r in found]


def _record(meta: dict, p: Paragraph, kind: str, text: str, **values) -> Record:
    return Record(
        report_id=p.report_id,
        kind=kind,
        text=text,
        section=p.section,
        paragraph=p.paragraph,
        ordinal=p.ordinal,
        label=citation_label(meta, p.section, p.paragraph, p.ordinal),
        **values,
    )


def _runs(paragraphs: list[Paragraph]) -> Iterator[list[tuple[int, Paragraph]]]:
    """The paragraphs of each run of a section (one heading's paragraphs), with their index."""
    run: list[tuple[int, Paragraph]] = []
    for i, p in enumerate(paragraphs):
        if run and (p.section != run[-1][1].section or p.ordinal != run[-1][1].ordinal + 1):
            yield run
            run = []
        run.append((i, p))
    if run:
        yield run


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s]


_TITLE_WORDS = frozenset(w.lower() for w in words_of(SIGNER_TITLE_WORDS))


def _letter_front(paragraphs: list[Paragraph], take) -> None:
    """A letter's own date and addressee, where no field names them: the line above the
    salutation that is a date alone ("21 April 2016": the date the letter bears, which may not
    be the day it was published), and the name the salutation greets
    ("Dear Mr Ashdown,") as the address block above it prints it in full ("Mr Robert Ashdown
    Head of Youth Offending Service …": "Mr Robert Ashdown"), else as greeted."""
    at = next(
        (i for i, p in enumerate(paragraphs[:MAX_FRONT]) if p.text.lower().startswith("dear ")),
        None,
    )
    if at is None:
        return
    front = paragraphs[:at]
    dated = [(i, p) for i, p in enumerate(front) if DATE.fullmatch(p.text.strip())]
    if dated:
        i, p = dated[-1]
        take("letter_date", i, p, p.text, p.text.strip())
    greeted = paragraphs[at].text.strip()[5:].strip(" ,:")
    surname = greeted.split()[-1] if greeted.split() else ""
    if not surname[:1].isupper():
        return  # "Dear colleague"
    for i in range(at - 1, -1, -1):
        ws = paragraphs[i].text.split()
        if surname in ws:
            # the name ends at the surname and opens at most three words before it, at a title
            # ("Ms") or where capitalised words stop ("… M3 4LT Ms Carol Henshaw Head of …")
            end = ws.index(surname)
            start = end
            while (
                start > 0
                and end - start < MAX_NAME_WORDS - 1
                and ws[start - 1][:1].isupper()
                and ws[start - 1][-1:].isalpha()
                and ws[start].rstrip(".") not in NAME_TITLES
            ):
                start -= 1
            # greeted by the first name alone ("Dear Graham" for "Mr Graham Towle"): the name
            # runs on to the surname after it
            while (
                len(greeted.split()) == 1
                and end + 1 < len(ws)
                and end - start < MAX_NAME_WORDS - 1
                and ws[end + 1][:1].isupper()
                and ws[end + 1].replace("-", "").isalpha()
                and ws[end + 1].lower() not in _TITLE_WORDS
            ):
                end += 1
            name = " ".join(ws[start : end + 1])
            take("addressee", i, paragraphs[i], paragraphs[i].text, name)
            # the title under the name, on its line or the next, is the head of the service's:
            # a screening letter is addressed to the service's manager
            title = " ".join(ws[end + 1 :]) or (paragraphs[i + 1].text if i + 1 < at else "")
            if _heads_the_service(title):
                take("service_manager", i, paragraphs[i], paragraphs[i].text, name)
            return
    take("addressee", at, paragraphs[at], paragraphs[at].text, greeted)


def _heads_the_service(title: str) -> bool:
    """ "Head of Pellmoor Youth Offending Service", "YOS Manager": the title of the head of a
    youth offending service (or team), as an address block prints it."""
    low = title.lower()
    return (low.startswith("head of") and any(w in low for w in _SERVICE_WORDS)) or any(
        low.startswith(t) for t in SERVICE_MANAGER_TITLES
    )


# words that name the service a head of is head of ("Head of Youth Offending Service")
_SERVICE_WORDS = ("youth offending", "youth justice", "yos", "yot", "yjs", "head of service")
MAX_FRONT = 40  # a letter's salutation is among its first paragraphs
MAX_NAME_WORDS = 4  # "Mr Robert Ashdown", "Dr Anne Marie Lowe": the words of a greeted name
NAME_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Mx", "Professor", "Councillor"})


def _before_title(signer: str) -> str | None:
    """A signer's name without the title run on after it ("Helen Marlowe Assistant Chief"
    -> "Helen Marlowe"); None when fewer than two words of name are left."""
    ws = signer.split()
    end = next((k for k, w in enumerate(ws) if w.lower() in _TITLE_WORDS), len(ws))
    return " ".join(ws[:end]) if end >= 2 else None


def _plan_due(text: str) -> tuple[str, str] | None:
    """(sentence, when) where a paragraph that asks for an improvement plan says when it is
    due, in the sentence that asks or the next: the date it must be sent by, or else the time
    within which ("within six weeks of the date of this letter"). None where the plan is not
    asked for ("We are not asking for a formal action plan, but the board should review
    progress within six months")."""
    sentences = _sentences(text)
    asked = [k for k, s in enumerate(sentences) if _PLAN.search(s)]
    if not asked or any(
        _NOT_ASKED.search(sentences[k][: m.start()])
        for k in asked
        for m in _PLAN.finditer(sentences[k])
    ):
        return None
    # (its own sentence, or the next: "… send us an improvement plan." / "It should reach the
    # lead inspector by 3 May 2016.")
    for sentence in sentences[asked[0] : asked[0] + 2]:
        dates = [m for m in _PLAN_DUE.finditer(sentence) if m.group("value")]
        m = dates[0] if dates else _PLAN_DUE.search(sentence)
        if m:
            return sentence, m.group("value") or m.group("within")
    return None


def _sentence_with(text: str, pattern: re.Pattern[str]) -> tuple[str, re.Match[str]] | None:
    """The first sentence of `text` where `pattern` matches, and the match."""
    if not pattern.search(text):  # most paragraphs: no need to split them
        return None
    for sentence in _sentences(text):
        m = pattern.search(sentence)
        if m:
            return sentence, m
    return None


# --- items ------------------------------------------------------------------------------------


def _items(meta: dict, paragraphs: list[Paragraph]) -> list[tuple[int, Record]]:
    out = []
    for run in _runs(paragraphs):
        kind = list_kind(run[0][1].section)
        if kind is None:
            continue
        items = [(i, p) for i, p in run if p.kind in ("bullet", "numbered")]
        if not items:  # bullets drawn as shapes: each one-sentence paragraph is an item
            items = [
                (i, p)
                for i, p in run
                if p.kind == "prose" and not p.text.endswith(":") and len(_sentences(p.text)) == 1
            ]
        for i, p in items:
            owner = _owner(p) if kind == "recommendation" else None
            out.append((i, _record(meta, p, kind, p.text, owner=owner)))
    return out


def _owner(p: Paragraph) -> str | None:
    """Who must act on a recommendation, as printed; None when the report does not say."""
    m = _BRACKETED.search(p.text)
    if m and not _abbreviation(m.group("owner"), p.text[: m.start()]):
        return m.group("owner").strip()
    dashed = _after_dash(p.text)
    if dashed:
        return dashed
    group = p.section_path.rsplit(" > ", 1)[-1] if " > " in p.section_path else ""
    m = GROUP_LINE.match(group)
    return m.group("owner").strip() if m else None


def _after_dash(text: str) -> str | None:
    """A name set after a closing dash ("… for each child — Head of Service, Ashcombe Youth
    Justice Service"): the item's last part, a capitalised phrase of a few words with no
    sentence in it (a dash inside a sentence goes on in lower case)."""
    for dash in (" — ", " – "):
        if dash in text:
            tail = text.rsplit(dash, 1)[1].strip().rstrip(".")
            if (
                tail[:1].isupper()
                and len(tail.split()) <= MAX_OWNER_WORDS
                and not any(c in tail for c in ";:!?.()")
            ):
                return tail
    return None


def _abbreviation(text: str, before: str) -> bool:
    """`services (CAMHS)`: the bracket spells the initials of the words before it (small
    words may be left out), so it names them again, not an owner."""
    letters = [c.lower() for c in text if c.isalpha()]
    if " " in text.strip() or not letters:
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", before)[-(len(letters) + 4) :]
    for word in reversed(words):
        if not letters:
            break
        if word[0].lower() == letters[-1]:
            letters.pop()
        elif word.lower() not in _SMALL_WORDS:
            return False
    return not letters


# --- ratings ----------------------------------------------------------------------------------


def _ratings(meta: dict, paragraphs: list[Paragraph]) -> list[tuple[int, Record]]:
    summary: list[tuple[int, Record]] = []
    under_headings: list[tuple[int, Record]] = []
    overall: list[tuple[int, Record]] = []
    for i, p in enumerate(paragraphs):
        if p.kind in ("bullet", "numbered"):
            continue
        cells = p.text.split(" | ") if p.kind == "table_row" else []
        filled = [c.strip() for c in cells if c.strip()]
        if (
            len(filled) >= 2
            and filled[0].lower().rstrip(":") in OVERALL_RATING_HEADINGS
            and filled[-1].rstrip(".").lower() in GRADES
        ):
            overall += _overall(meta, i, p, p.text, filled[-1].rstrip("."))  # "Overall | | Good"
            continue
        if len(filled) == 3 and filled[-1].rstrip(".").lower() in GRADES:
            # "Domain | Standard | Rating": the standard, then its domain without its number
            # as 2-cell tables print it: "3.1 Out-of-court work: Assessment"
            domain = filled[0].lstrip("0123456789. ")
            number, _, standard = filled[1].partition(" ")
            subject = (
                f"{number} {domain}: {standard}"
                if domain and standard and number.rstrip(".").replace(".", "").isdigit()
                else filled[1]
            )
            summary.append(_rating(meta, i, p, p.text, subject, filled[-1].rstrip(".")))
            continue
        if len(cells) == 2 and cells[1].strip().rstrip(".").lower() in GRADES:
            subject, value = cells[0].strip(), cells[1].strip()
            if subject.lower() in OVERALL_RATING_HEADINGS:
                overall += _overall(meta, i, p, p.text, value)
            elif subject.endswith("."):
                # the standard's statement beside its grade, opening its part ("Reviewing of
                # progress is well informed … | Inadequate" under "Reviewing"): the part's grade
                under_headings.append(_rating(meta, i, p, p.text, p.section, value))
            else:
                summary.append(_rating(meta, i, p, p.text, subject, value))
            continue
        m = RATING_LINE.match(p.text) if len(p.text) <= _MAX_FIELD_LINE else None
        if m:
            subject, value = m.group("subject").strip(), m.group("value")
            if subject.lower() in OVERALL_RATING_HEADINGS:
                overall += _overall(meta, i, p, p.text, value)
            elif subject.lower() in RATING_FIELDS:
                under_headings.append(_rating(meta, i, p, p.text, p.section, value))
            else:
                summary.append(_rating(meta, i, p, p.text, subject, value))
            continue
        if not overall and "rated" in p.text:
            hit = _sentence_with(p.text, _RATED)
            in_overall = p.section.lower() in OVERALL_RATING_HEADINGS
            if hit and (in_overall or p.kind == "prose"):
                overall += _overall(meta, i, p, hit[0], hit[1].group("value"))
                continue
        if not overall and p.kind == "prose" and "overall" in p.text.lower():
            # "we have rated Ashcombe Youth Justice Service as Good overall", "Our overall
            # rating for Corrindale … is Requires improvement": the one grade of a sentence
            # that says "overall" and "rated" or "rating"
            for sentence in _sentences(p.text):
                low = sentence.lower()
                grades = set(_GRADES.findall(sentence))
                if "overall" in low and ("rated" in low or "rating" in low) and len(grades) == 1:
                    value = _GRADES.search(sentence).group(0)  # type: ignore[union-attr]
                    overall += _overall(meta, i, p, sentence, value)
                    break
    return overall[:2] + (summary or under_headings)


def _rating(meta, i: int, p: Paragraph, text: str, subject: str, value: str):
    return i, _record(meta, p, "rating", text, subject=subject, value=value)


def _overall(meta, i: int, p: Paragraph, text: str, value: str) -> list[tuple[int, Record]]:
    """The overall rating, as a rating and as the `overall_rating` fact."""
    return [
        (i, _record(meta, p, "rating", text, subject=OVERALL_RATING_SUBJECT, value=value)),
        (i, _record(meta, p, "fact", text, subject="overall_rating", value=value)),
    ]


# --- facts ------------------------------------------------------------------------------------


def _facts(meta: dict, paragraphs: list[Paragraph]) -> list[tuple[int, Record]]:
    found: dict[str, tuple[int, Record]] = {}

    def take(subject: str, i: int, p: Paragraph, text: str, value: str) -> None:
        if subject not in found and value:
            put(subject, i, p, text, value)

    def put(subject: str, i: int, p: Paragraph, text: str, value: str) -> None:
        found[subject] = (i, _record(meta, p, "fact", text, subject=subject, value=value))

    # 1. fields and two-cell rows that name their fact (not a forwarding email's: a letter
    # forwarded, "From: Lockhart, Priya" / "Sent: …" / "To: …", is not from or to her)
    runs = _email_runs(paragraphs)
    emailed = {i for run in runs[:-1] for i in run}
    mailed = {i for run in runs for i in run}
    sent_by: tuple[int, Paragraph, str] | None = None  # the email the letter came in
    for i, p in enumerate(paragraphs):
        label, value = _field(p)
        if label is not None and i not in emailed:
            subject = FACT_FIELDS.get(label.lower(), (None, ""))[0]
            if (
                subject is None
                and p.kind == "table_row"
                and _heads_the_service(label)
                and "board" not in label.lower()
            ):
                # a key fact's row "Head of Pellmoor Youth Justice Service | Priyanka Lovell":
                # the head of service's title, naming the service (not a copy list's "Head of
                # Oversight, Youth Justice Board | …")
                subject = "service_manager"
            # an email's "From: Pennock, Gareth [mailto:…]": the name, not the address
            value = _ADDRESS_AFTER.sub("", value) or value
            # a web page's line of particulars, "Published: 21 April 2015 · Inspection type:
            # …": the first field's value ends at the separator
            value = value.split(" · ")[0].strip()
            if subject == "signatory" and i in mailed:
                # the email a letter came in was sent by its signer, but the letter's own
                # sign-off signs it: the email's "From:" only where the letter has none
                sent_by = sent_by or (i, p, value)
            elif subject == "letter_date" and i in mailed:
                continue  # an email's "Date:" dates the email, not the letter it carries
            elif subject and subject != "overall_rating":  # the overall rating: see _ratings
                take(subject, i, p, p.text, value)
                head, _, title = value.partition(",")
                if subject == "addressee" and _heads_the_service(title.strip()):
                    # "To: Martin Greaves, Head of Covenham Youth Offending Service": a
                    # screening letter is addressed to the service's manager
                    take("service_manager", i, p, p.text, head.strip())
    # a letter's signatory where no "From:" names them: the name under its sign-off ("Yours
    # sincerely" / "Marian Tollervey HM Inspector and Lead Inspector"), the last in the file
    # (a forwarding note's "Kind regards" above a letter signs nothing of the letter's)
    # (or in the sign-off's own paragraph, its lines run together: "Yours sincerely, Helen
    # Marchbank Lead Inspector, HM Inspectorate of Probation", as a text browser prints it)
    if "signatory" not in found:
        for i in range(len(paragraphs) - 1, -1, -1):
            p = paragraphs[i]
            opening = p.text.strip()
            off = next((o for o in LETTER_SIGN_OFFS if opening.lower().startswith(o)), None)
            if off is None:
                continue
            rest = opening[len(off) :].lstrip(" ,")
            after = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
            at, signed = (i, p) if rest else (i + 1, after)
            if signed is not None and signed.section == p.section:
                m = _SIGNER.match(rest or signed.text)
                name = _before_title(m.group(0)) if m else None
                if name:
                    take("signatory", at, signed, signed.text, name)
            break
    if "signatory" not in found and sent_by is not None:
        take("signatory", sent_by[0], sent_by[1], sent_by[1].text, sent_by[2])
    _letter_front(paragraphs, take)
    # 2. sentences that state a fact no field held (the first in reading order)
    # (each regular expression runs only on paragraphs holding a word it needs: most hold none)
    for i, p in enumerate(paragraphs):
        if p.kind not in ("prose", "numbered", "field"):
            continue
        low = p.text.lower()
        if (
            "lead_inspector" not in found
            and ("lead inspector" in low or "led by" in low or "who led" in low)
            and (hit := _sentence_with(p.text, _LEAD))
        ):
            take(
                "lead_inspector",
                i,
                p,
                hit[0],
                hit[1].group("value")
                or hit[1].group("colon")
                or hit[1].group("led")
                or hit[1].group("app")
                or hit[1].group("sig")
                or hit[1].group("who"),
            )
        if "fieldwork_dates" not in found and _FIELDWORK.search(p.text):
            for sentence in _sentences(p.text):
                r = RANGE.search(sentence)
                # the cue before the dates ("The fieldwork took place from 8 to 10 May"), or
                # the dates opening the sentence ("Between 7 and 9 February 2017 we carried
                # out a Short Quality Screening")
                if r and (
                    _FIELDWORK.search(sentence[: r.start()])
                    or (
                        len(sentence[: r.start()].split()) <= 2
                        and _FIELDWORK.search(
                            " ".join(sentence[r.end() :].split()[:FIELDWORK_CLAUSE_WORDS])
                        )
                    )
                ):
                    take("fieldwork_dates", i, p, sentence, r.group(0))
                    break
        if (
            "cases_inspected" not in found
            and (" cases" in low or " the work " in low)
            and (hit := _sentence_with(p.text, _CASES))
        ):
            m = hit[1]
            take(
                "cases_inspected",
                i,
                p,
                hit[0],
                m.group("value") or m.group("of") or m.group("total") or m.group("sum"),
            )
        if (
            "staff_employed" not in found
            and " staff" in low
            and (hit := _sentence_with(p.text, _STAFF))
        ):
            take("staff_employed", i, p, hit[0], hit[1].group("value"))
        if (
            "children_supervised" not in found
            and ("children" in low or "young people" in low)
            and (hit := _sentence_with(p.text, _SUPERVISING) or _sentence_with(p.text, _CASELOAD))
        ):
            take("children_supervised", i, p, hit[0], hit[1].group("value") or hit[1].group("of"))
        if (
            "service_manager" not in found
            and any(title in low for title in SERVICE_MANAGER_TITLES)
            and (hit := _sentence_with(p.text, _MANAGER))
        ):
            m = hit[1]
            take(
                "service_manager",
                i,
                p,
                hit[0],
                m.group("value") or m.group("before") or m.group("after"),
            )
        if "improvement_plan_due" not in found and _PLAN.search(p.text):
            due = _plan_due(p.text)
            if due:
                take("improvement_plan_due", i, p, due[0], due[1])
        if (
            "publication_date" not in found
            and "ublished" in p.text
            and (hit := _sentence_with(p.text, _PUBLISHED))
        ):
            take("publication_date", i, p, hit[0], hit[1].group("value") or hit[1].group("on"))
        if (
            "reoffending_rate" not in found
            and "national_reoffending_rate" not in found
            and REOFFENDING_CUE in low
        ):
            for sentence in _sentences(p.text):
                if REOFFENDING_CUE in sentence.lower():
                    local, national = _rates(sentence)
                    take("reoffending_rate", i, p, sentence, local or "")
                    take("national_reoffending_rate", i, p, sentence, national or "")
                    if local or national:
                        break
    # the overall score: the first line, sentence or table row that says "score" and prints a
    # score out of a maximum (a row's "score" may be its column's name: "22 out of 36" under
    # "Score")
    for i, p in enumerate(paragraphs):
        if "overall_score" in found:
            break
        if p.kind in ("heading", "bullet"):
            continue
        said = " ".join([p.text, *(p.columns or [])]).lower()
        if "scor" not in said or not SCORE.search(p.text):
            continue
        for sentence in _sentences(p.text) if p.kind != "table_row" else [p.text]:
            m = SCORE.search(sentence)
            if (
                m
                and out_of(m.group("value"), sentence[m.end() :])
                and ("scor" in sentence.lower() or p.columns)
            ):
                take("overall_score", i, p, sentence, m.group("value"))
                break
    # 3. a table row of reoffending rates; the `Total` row of a table of cases
    both_given = False
    for i, p in enumerate(paragraphs):
        first = _VALUE_FIRST.match(p.text) if p.kind == "prose" else None
        if first:
            # a key fact printed value first, its label after it, as a designed page sets it
            # ("89 Children supervised by the YJS at the start of fieldwork"): the row it is
            _key_count(first.group(2).lower(), first.group(1), i, p, take)
        field = _LABELLED.match(p.text) if p.kind == "prose" else None
        count = _KEY_COUNT.match(field.group(2)) if field else None
        if field and count:
            # a key fact as a field, its label before a colon ("Staff: 41 people (34.6
            # full-time equivalent)"): the row it is
            _key_count(field.group(1).lower(), count.group(1), i, p, take)
        if p.kind != "table_row":
            continue
        cells = p.text.split(" | ")
        header = p.columns or _first_row(paragraphs, i)
        label = cells[0].lower()
        both = (
            _both_rates(label, cells[1]) if REOFFENDING_CUE in label and len(cells) == 2 else None
        )
        if both is not None:
            # the area's rate and the nation's in one cell ("29.4% (England and Wales 32.6%)";
            # "34.8% v 32.6%" beside "Reoffending rate, Cressingdale v England and Wales"): the
            # first such key fact, before any sentence's figures ("fallen from 41.3% …")
            if not both_given:
                put("reoffending_rate", i, p, p.text, both[0])
                put("national_reoffending_rate", i, p, p.text, both[1])
            both_given = True
        elif REOFFENDING_CUE in label and len(cells) == 2 and _NATIONAL.search(label):
            # a key fact of its own row ("Proven reoffending rate, England and Wales | 31.2%"),
            # beside the area's ("…, Kelsworth | 35.8%")
            take("national_reoffending_rate", i, p, p.text, _first_percent(cells[1]))
        elif REOFFENDING_CUE in label and "reoffending_rate" not in found:
            local, national = _rates_in_cells(cells[1:], header[1:] if header else [])
            take("reoffending_rate", i, p, p.text, local or "")
            take("national_reoffending_rate", i, p, p.text, national or "")
        # (the area's own figure first where England and Wales's stands beside it)
        count = _KEY_COUNT.match(cells[1]) if len(cells) == 2 or _area_first(header) else None
        if count:
            # key facts a row at a time: "Children supervised by the YJS on 1 October 2023 |
            # 96 children", "Staff employed by the YJS (full-time equivalent) | 34.5 FTE"
            _key_count(label, count.group(1), i, p, take)
        if (
            "cases_inspected" not in found
            and len(cells) == 2
            and cells[0].strip().lower() == "total"
            and cells[1].strip().isdigit()
            and _about_cases(p, header)
        ):
            take("cases_inspected", i, p, p.text, cells[1].strip())
    if (
        "lead_inspector" not in found
        and "signatory" in found
        and meta.get("inspection_type") == SQS_KEY
        and "chief" not in found["signatory"][1].text.lower()
    ):
        # a screening letter signed by an inspector, not a chief inspector (who signs letters
        # others led), is signed by the inspector who led the screening
        at, signer = found["signatory"]
        found["lead_inspector"] = (at, dataclasses.replace(signer, subject="lead_inspector"))
    return sorted(found.values(), key=lambda f: f[0])


# a key fact's value cell that is a count ("96", "96 children", "34.5 FTE")
# (a bracket after the count gives a part of it: "31 (27.4)", "38 (6 seconded)")
_KEY_COUNT = re.compile(
    r"^\s*(\d[\d,]*(?:\.\d+)?)(?:\s+[A-Za-z][\w ]{0,30})?(?:\s*\([^()]{1,40}\))?\s*$"
)
# a key fact as a field: its label, a colon, its value ("Staff: 41 people (34.6 FTE)")
_LABELLED = re.compile(r"^([A-Z][^:.;!?]{2,80}):\s+(\S.*)$")
# a key fact's count before its label, no sentence ("38 Staff working in the YJS, including
# seconded staff", "41 (34.6 FTE) Staff headcount")
# (a label may hold a figure's decimal point: "Staff headcount (33.6 full-time equivalent)",
# start in lower case after its count: "52 staff (44.8 full-time equivalent)", and give the
# count's parts after a colon: "38 Cases inspected: 26 court disposals and 12 out-of-court")
_VALUE_FIRST = re.compile(
    r"^(\d[\d,]*(?:\.\d+)?)(?:\s*\([^()]{1,20}\))?\s+"
    r"([A-Za-z](?:[^.;!?]|(?<=\d)\.(?=\d)){3,150})$"
)


def _key_count(label: str, value: str, i: int, p: Paragraph, take) -> None:
    """A key fact's count of the children supervised or the staff employed, by its label."""
    if "average" in label:
        return
    ws = set(re.findall(r"[a-z]+", label))
    if ({"children", "young"} & ws) and (
        "caseload" in ws or any(v in label for v in SUPERVISING_VERBS)
    ):
        take("children_supervised", i, p, p.text, value)
    if ("staff" in ws and any(v in ws for v in STAFF_VERBS if " " not in v)) or _counts_staff(
        label
    ):
        take("staff_employed", i, p, p.text, value)
    if _CASES_LABEL.match(label):
        take("cases_inspected", i, p, p.text, value)


# a key fact's label that counts the cases inspected ("Cases inspected: 26 court disposals and
# 12 out-of-court disposals", "Number of cases examined")
_CASES_LABEL = re.compile(
    r"^(?:number of\s+)?cases\s+(?:" + "|".join(re.escape(v) for v in CASES_VERBS) + r")\b"
)


# little words that end a key fact label's head ("Staff in post", "Staff, including …")
_HEAD_ENDS = frozenset({"in", "at", "of", "for", "by", "on", "with", "including"})


def _counts_staff(label: str) -> bool:
    """Does a key fact's label name the staff as what it counts: its head, before a comma, a
    bracket or a little word, ends in "staff" ("YJS staff, headcount (full-time equivalent)",
    "Staff in post", "Number of staff") or in a count of them ("Staff headcount"), not what
    staff did ("Staff survey responses")?"""
    head = re.split(r"[,(]", label)[0].lower().split()
    if head[:2] == ["number", "of"]:
        head = head[2:]
    cut = next((k for k, w in enumerate(head) if w in _HEAD_ENDS), len(head))
    # ("Staff headcount, including seconded staff": the staff, counted)
    return head[:cut][-1:] == ["staff"] or (
        "staff" in head[:cut] and head[:cut][-1:] in (["headcount"], ["fte"])
    )


def _first_percent(cell: str) -> str:
    m = _PERCENT.search(cell)
    return m.group(0) if m else ""


def _email_runs(paragraphs: list[Paragraph]) -> list[list[int]]:
    """The paragraphs of the headers of the emails a report came in, a list per email: the runs
    of consecutive fields with a subject and a sent date or date (an email's "From:", "Sent:",
    "To:", "Cc:", "Subject:"; lexicon EMAIL_HEADER_FIELDS). The last is the message the report
    came in (from the inspector, to the service); the ones above it forwarded it on ("From:
    Lockhart, Priya" sent it round to the board, and signed nothing)."""
    runs: list[list[int]] = []
    run: list[int] = []
    labels: set[str] = set()
    for i, p in enumerate([*paragraphs, None]):
        label = _field(p)[0] if p is not None and p.kind in ("field", "prose") else None
        if label is not None:
            run.append(i)
            labels.add(label.lower())
            continue
        if EMAIL_SUBJECT in labels and labels & EMAIL_SENT:
            runs.append(run)
        run, labels = [], set()
    return runs


def _field(p: Paragraph) -> tuple[str | None, str]:
    """(`Lead inspector`, `Marcus Delaney`) from a field line or a two-cell table row."""
    if p.kind == "table_row" or (p.kind == "field" and " | " in p.text):
        # (a front block laid out as a table: "Publication date | 25 April 2014")
        cells = p.text.split(" | ")
        # ("To: | Patrick Vellacott, …": the label's own colon kept in its cell)
        return (
            (cells[0].strip().rstrip(":").strip(), cells[1].strip())
            if len(cells) == 2
            else (None, "")
        )
    if p.kind in ("field", "prose") and ":" in p.text and len(p.text) <= _MAX_FIELD_LINE:
        label, _, value = p.text.partition(":")
        if p.kind == "field" or len(label.split()) <= 4:
            return label.strip(), value.strip()
    return None, ""


def _rates(sentence: str) -> tuple[str | None, str | None]:
    """(area's rate, national rate) in a sentence: the national one is the figure nearest a
    national cue. One figure with a cue in the sentence is left alone (whose is it?)."""
    figures = list(_PERCENT.finditer(sentence))
    cues = list(_NATIONAL.finditer(sentence))
    if not figures:
        return None, None
    if not cues:
        return (figures[0].group(0), None) if len(figures) == 1 else (None, None)
    if len(figures) < 2:
        return None, None

    def distance(f: re.Match[str]) -> float:
        # a figure set against the cue ("31.2%, below the England and Wales average") is not it;
        # a bracket between them parts them ("35.8% (England and Wales: 31.2%)": the figure in
        # the cue's bracket is its, however near the one before the bracket)
        return min(
            max(c.start() - f.end(), f.start() - c.end(), 0)
            + 0.5 * any(b in _between(sentence, f, c) for b in "()")
            if not _SET_AGAINST & set(re.findall(r"[a-z]+", _between(sentence, f, c).lower()))
            else len(sentence)
            for c in cues
        )

    national = min(figures, key=distance)
    if distance(national) >= len(sentence):
        # every figure is set against the cue ("has fallen from 41.3% … to 29.4%, and is now
        # below the England and Wales average"): the nation's figure is not printed here; the
        # area's is the one it changed to, where a change is told from one to the other
        changed = (
            len(figures) == 2
            and re.search(r"\bfrom\s*$", sentence[: figures[0].start()])
            and re.search(r"\bto\s*$", sentence[: figures[1].start()])
        )
        return (figures[1].group(0) if changed else None), None
    local = next(f for f in figures if f is not national)
    return local.group(0), national.group(0)


def _both_rates(label: str, cell: str) -> tuple[str, str] | None:
    """(area's rate, nation's rate) in a key fact's one cell that prints both: the nation
    named in the cell beside its figure ("29.4% (England and Wales 32.6%)"), or in the label
    after the area ("Reoffending rate, Cressingdale v England and Wales" over "34.8% v
    32.6%"). None for a cell of one figure."""
    if len(_PERCENT.findall(cell)) != 2:
        return None
    bracket = re.search(r"\(([^()]*)\)", cell)
    inside = _PERCENT.findall(bracket.group(1)) if bracket else []
    if bracket and _NATIONAL.search(bracket.group(1)) and len(inside) == 1:
        # "29.4% (England and Wales average 32.2%)": the bracket's figure is the nation's
        outside = _PERCENT.findall(cell[: bracket.start()] + cell[bracket.end() :])
        return (outside[0], inside[0]) if len(outside) == 1 else None
    local, national = _rates(cell)
    if local and national:
        return local, national
    cue = _NATIONAL.search(label)
    if cue and not _NATIONAL.search(cell) and not label[cue.end() :].strip(" )"):
        first, second = _PERCENT.findall(cell)
        return first, second
    return None


def _between(text: str, a: re.Match[str], b: re.Match[str]) -> str:
    """The text between two matches, whichever comes first."""
    return text[a.end() : b.start()] if a.end() <= b.start() else text[b.end() : a.start()]


def _rates_in_cells(cells: list[str], header: list[str]) -> tuple[str | None, str | None]:
    """(area's rate, national rate) in a table row, by the columns' headings."""
    if len(header) != len(cells):
        return None, None
    local = national = None
    for cell, name in zip(cells, header, strict=True):
        if not _PERCENT.fullmatch(cell.strip()):
            continue
        if _NATIONAL.search(name):
            national = national or cell.strip()
        else:
            local = local or cell.strip()
    return local, national


def _area_first(header: list[str]) -> bool:
    """A key facts table of three columns, the area's figure then England and Wales's ("Key
    fact | Larkhaven | England and Wales")."""
    return (
        len(header) == 3
        and _NATIONAL.search(header[2]) is not None
        and _NATIONAL.search(header[1]) is None
    )


def _first_row(paragraphs: list[Paragraph], i: int) -> list[str]:
    """The first row of the table (run of rows) that row `i` is in, as cells: a layout that
    does not mark its header row (PDF, text) prints it there."""
    start = i
    while (
        start > 0
        and paragraphs[start - 1].kind == "table_row"
        and paragraphs[start - 1].section == paragraphs[i].section
    ):
        start -= 1
    if start == i:
        return []
    first = paragraphs[start].text.split(" | ")
    return first if not any(_PERCENT.search(c) for c in first) else []


def _about_cases(p: Paragraph, header: list[str]) -> bool:
    """Is this row's table about the cases inspected (its section or its header says so)?"""
    words = " ".join([p.section, *header]).lower()
    return CASES_TABLE_CUE in words
