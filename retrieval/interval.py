"""The time between two dated events the reports print: `IntervalAnswerer.answer(plan, corpus)`.

"How long after the screening fieldwork was the letter dated?", "How many years passed between
the screening visit and the rated inspection's fieldwork?": each event is a date record of one
report (`fieldwork_dates`, `letter_date`, `publication_date`), named by the words for it
(lexicon DATE_EVENTS) and the report named nearest them (its kind, "letter", "inspection", its
year). Both records found and read as dates, the answer is the gap, worked out from the printed
dates, with both records quoted; anything less is left to search (None).
"""

from __future__ import annotations

import calendar
from datetime import date

from findings.lexicon import (
    DATE_EVENTS,
    INSPECTION_WORDS,
    INTERVAL_ASK,
    LETTER_WORDS,
    NEWEST_WORDS,
    words_of,
)
from findings.vocab import MONTHS
from retrieval.corpus import Corpus
from retrieval.draft import Cited, Draft
from retrieval.hybrid import facts_of, hit_from_row
from retrieval.plan import Plan, naming_spans
from retrieval.text import Cue, is_year, words

_ASKED = Cue(INTERVAL_ASK)
_EVENTS = [(Cue([phrase]), subject) for phrase, (subject, _) in DATE_EVENTS.items()]


def _either(group: dict[str, str]) -> frozenset[str]:
    """Every word of a lexicon group whose keys are `a|b` alternatives."""
    return frozenset(w for key in words_of(group) for w in key.split("|"))


_LETTER = _either(LETTER_WORDS)
_INSPECTION = _either(INSPECTION_WORDS)
_NEWEST = _either(NEWEST_WORDS)
SCREENING = "short quality screening"  # the kind of report a screening letter is
WHAT = {
    "fieldwork_dates": "fieldwork",
    "letter_date": "letter dated",
    "publication_date": "published",
}
DAYS_IN_MONTH = 30.4375
_OF_WORDS = frozenset({"of", "the", "its", "our", "their"})  # "publication of the … inspection"


class IntervalAnswerer:
    """One public method: `answer(plan, corpus) -> Draft | None`."""

    def answer(self, plan: Plan, corpus: Corpus) -> Draft | None:
        if plan.comparison and len(plan.sides) > 2 or not _ASKED.search(plan.question):
            return None
        asked = sorted(plan.report_ids or [])
        areas = {corpus.reports[r].get("area") for r in asked}
        if len(areas) != 1 or None in areas:
            return None
        # (the planner may narrow to one of the reports the question names: "… the screening
        # letter … did the 2021 inspection report come out?"; the events pick among the area's)
        allowed = set(plan.scope) if plan.scope is not None else set(corpus.reports)
        area = str(areas.pop()).lower()
        targets = sorted(r for r in corpus.areas.get(area, asked) if r in allowed) or asked
        events = _events(plan.question, targets, corpus)
        if events is None:
            return None
        dated = []
        for rid, subject in events:
            found = _record(corpus, rid, subject)
            if found is None:
                return None
            row, text, value = found
            span = date_span(value)
            if span is None:
                return None
            dated.append((span, rid, subject, row, text))
        dated.sort()
        (first, _), (second, _) = dated[0][0], dated[1][0]
        end_first = dated[0][0][1]
        gap = (second - end_first).days if second >= end_first else (second - first).days
        cited = [Cited(hit_from_row(corpus, row, score=1.0), text) for *_, row, text in dated]
        lines = [f"**{_told(gap)}** passed between them:"]
        for n, (_, rid, subject, _, text) in enumerate(dated, start=1):
            lines.append(f"- {corpus.label(rid)}, {WHAT[subject]}: “{text}” [{n}]")
        return Draft(text="\n".join(lines), cited=cited)


def _events(question: str, targets: list[str], corpus: Corpus) -> list[tuple[str, str]] | None:
    """The two (report, date record) the question asks the time between, or None."""
    ws = words(question)
    kinds = {r: corpus.reports[r].get("inspection_type") for r in targets}
    screenings = [r for r in targets if kinds[r] == SCREENING]
    others = [r for r in targets if kinds[r] != SCREENING]
    newest = bool(set(ws) & _NEWEST)
    named: dict[int, str] = {}  # word index -> the report named there
    screening_words: set[int] = set()
    for start, stop, kind, _ in naming_spans(question, corpus):
        reports = [r for r in targets if kinds[r] == kind]
        screening_words.update(range(start, stop))
        if len(reports) == 1:
            named.update({i: reports[0] for i in range(start, stop)})
    for i, w in enumerate(ws):
        if is_year(w):
            of_year = [r for r in targets if corpus.reports[r].get("year") == int(w)]
            if len(of_year) == 1:
                named[i] = of_year[0]
        elif w in _LETTER and len(screenings) == 1:
            named.setdefault(i, screenings[0])
        elif w in _INSPECTION and i not in screening_words and others:
            if len(others) == 1 or newest:
                newest_other = max(others, key=lambda r: corpus.reports[r].get("year") or 0)
                named.setdefault(i, newest_other if len(others) > 1 else others[0])
    asked: list[tuple[int, str]] = []
    ends: dict[int, int] = {}  # where each event's words end
    for cue, subject in _EVENTS:
        for start, end in cue.spans(ws):
            asked.append((start, subject))
            ends[start] = max(end, ends.get(start, end))
    asked.sort()
    reports = list(dict.fromkeys(named[i] for i in sorted(named)))
    if not asked:
        if len(reports) != 2:
            return None
        asked = [(min(i for i in named if named[i] == r), "fieldwork_dates") for r in reports]
    if len(asked) == 1 and len(reports) == 2:
        return [(r, asked[0][1]) for r in reports]
    events: list[tuple[str, str]] = []
    for at, subject in asked:
        if named:
            # the report named nearest the event's words (before them, on a tie), of those
            # whose event is not taken yet ("between our SQS fieldwork and the fieldwork for
            # the rated inspection": the second fieldwork is the inspection's)
            # first, a report named right after "of" ("the publication of the 2021
            # inspection": the inspection's, not the letter's named before it)
            def owned(i: int, at: int = at) -> bool:
                between = ws[ends.get(at, at + 1) : i]
                return (
                    i >= ends.get(at, at + 1)
                    and bool(between)
                    and between[0] == "of"
                    and all(w in _OF_WORDS for w in between)
                )

            nearest = sorted(named, key=lambda i: (not owned(i), abs(i - at), i > at))
            free = [i for i in nearest if (named[i], subject) not in events]
            events.append((named[(free or nearest)[0]], subject))
        elif len(targets) == 1:
            events.append((targets[0], subject))
        else:
            return None
    events = list(dict.fromkeys(events))
    return events if len(events) == 2 else None


def _record(corpus: Corpus, report_id: str, subject: str) -> tuple[int, str, str] | None:
    """The report's first record of the date fact: its row, text and value."""
    for row, r in facts_of(corpus, report_id, subject):
        if r.get("value"):
            return row, r.get("text") or corpus.texts[row], str(r["value"])
    return None


def date_span(text: str) -> tuple[date, date] | None:
    """The first and last day a printed date or range of dates covers ("17 to 19 October
    2017", "21–23 May 2018", "28 February to 2 March 2023", "17th November 2015", "September
    and October 2015", "April 2024", "April 14, 2016"); None when no year or month is
    printed."""
    items: list[list[int | None]] = []  # [day, month, year], in reading order
    for token in "".join(c if c.isalnum() else " " for c in text).split():
        if token[:1].isdigit() and token[-2:].lower() in ("st", "nd", "rd", "th"):
            token = token[:-2]  # "17th November 2015"
        low = token.lower()
        if token.isdigit() and len(token) <= 2 and 1 <= int(token) <= 31:
            if items and items[-1][0] is None and items[-1][1] is not None and items[-1][2] is None:
                items[-1][0] = int(token)  # the month first: "April 14, 2016"
            else:
                items.append([int(token), None, None])
        elif low in MONTHS or low[:3] in {m[:3] for m in MONTHS} and len(low) == 3:
            month = MONTHS.get(low) or next(v for m, v in MONTHS.items() if m[:3] == low)
            open_ = [it for it in items if it[1] is None and it[2] is None]
            if open_:
                for it in open_:
                    it[1] = month
            else:
                items.append([None, month, None])
        elif token.isdigit() and len(token) == 4 and 1990 <= int(token) <= 2100:
            for it in items:
                if it[2] is None:
                    it[2] = int(token)
    whole = [it for it in items if it[1] is not None and it[2] is not None]
    if not whole:
        return None
    first, last = whole[0], whole[-1]
    try:
        start = date(first[2], first[1], first[0] or 1)  # type: ignore[arg-type]
        end_day = last[0] or calendar.monthrange(last[2], last[1])[1]  # type: ignore[arg-type]
        end = date(last[2], last[1], end_day)  # type: ignore[arg-type]
    except ValueError:
        return None
    return (start, end) if start <= end else None


def _told(days: int) -> str:
    """A gap as a reader says it: days under two months, months under two years, else years
    and months."""
    if days < 60:
        return f"{days} day{'s' if days != 1 else ''}"
    months = round(days / DAYS_IN_MONTH)
    if months < 24:
        return f"About {months} months"
    years, rest = divmod(months, 12)
    return f"About {years} years" + (f" and {rest} month{'s' if rest != 1 else ''}" if rest else "")
