"""Answers from a report's records (issue 10): lists, grades and facts, every item cited.

`StructuredAnswerer.answer(plan, hits, corpus) -> Draft | None` answers, or returns None to leave
the question to search, when the question is about records:

- a list (`plan.list_kind`: strengths, improvements, recommendations) of the report the question
  targets (or the one the evidence points at): every item, counted, each cited; recommendations
  narrowed to an owner the question names ("for the YOS Management Board");
- grades (`plan.rating`, or a grade that some targeted report prints named in the question):
  every rating with that grade ("Which standards were rated Good?"), across the targeted reports;
- the stored reports themselves (`plan.collection`): the most recent or earliest, the areas
  with more than one inspection, or all of them, from their metadata, each report cited by its
  printed publication date (else its first paragraph);
- one fact (`plan.fact`) asked across several reports ("Where was reoffending above the national
  rate?"): each report's printed value, narrowed by a comparison with the national rate where
  the question makes one.

Records come from the stored paragraph rows (`records` metadata); each item is quoted with its
record's `text`, which is verbatim in its paragraph, so every citation passes `verify`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from findings.lexicon import (
    ABOVE_WORDS,
    BELOW_WORDS,
    BEST_GRADE,
    EVERY_GRADE,
    GRADE_ABOVE,
    GRADE_BELOW,
    GRADE_STATED_AFTER,
    GRADES,
    LOW_GRADES,
    MARKED_DOWN,
    NATIONAL_CUES,
    OVERALL_RATING_SUBJECT,
    PROGRESS_ASK,
    PROGRESS_HEADINGS,
    REQUIRES_IMPROVEMENT_SAID,
    SMALL_COUNTS,
    WORST_GRADE,
    words_of,
)
from findings.vocab import list_kind
from retrieval.corpus import Corpus, expansions_in
from retrieval.draft import Cited, Draft
from retrieval.hybrid import Hit, hit_from_row, prints_fact
from retrieval.intents import PROGRESS
from retrieval.interval import IntervalAnswerer
from retrieval.plan import Plan, asks_why, kind_named
from retrieval.text import (
    PERCENT,
    STOPWORDS,
    Cue,
    amounts,
    content_terms,
    has_number,
    names_standard,
    sentences,
    stem,
    tokens,
    words,
)

_PROGRESS_ASK = Cue(PROGRESS_ASK)
_PROGRESS_HEADINGS = frozenset(words_of(PROGRESS_HEADINGS))
MAX_PROGRESS_ROWS = 10  # a follow-up part's paragraphs quoted: an item per earlier finding
PLURAL = {"strength": "strengths", "improvement": "areas for improvement"}
PLURAL_REC = "recommendations"
KIND_REC = "recommendation"
# Listing one fact for every report is only done when the question clearly asks for that fact
# (fitted on the tuning questions like retrieval.intents' thresholds).
FACT_ACROSS_MIN_SIMILARITY = 0.7
# ... and when one of the best few passages prints that fact
AGREEING_HITS = 3
MAX_SUBJECT_WORDS = 12  # "The clinical commissioning group & the YJS management board" is nine


NATIONAL_RATE = "national_reoffending_rate"  # the fact subject of the England and Wales rate


def names_nation(question: str) -> bool:
    """Does the question name the national figure ("England and Wales", "national")?"""
    return any(c in question.lower() for c in NATIONAL_CUES)


def national_rate_beside(corpus: Corpus, report_id: str, row: int) -> tuple[int, dict] | None:
    """The national reoffending rate the report records on another paragraph than `row`
    (row, record); None where it records none, or only on `row` (a sentence setting the two
    side by side)."""
    return next(
        (
            (other, r)
            for other, r in corpus.records.get(report_id, [])
            if r.get("subject") == NATIONAL_RATE and other != row
        ),
        None,
    )


def records_of(corpus: Corpus, report_id: str, kind: str) -> list[tuple[int, dict]]:
    """(row, record) for every record of `kind` in the report, in reading order."""
    return [(row, r) for row, r in corpus.records.get(report_id, ()) if r.get("kind") == kind]


_GRADE_STATED = frozenset(words_of(GRADE_STATED_AFTER))
RATED_WITHIN = 5  # words: "rated" before what was rated and its grade ("rated … staff Good")
_MARKED_DOWN = Cue(MARKED_DOWN)
_IMPROVEMENT_NEEDED = Cue(REQUIRES_IMPROVEMENT_SAID)
_BEST_GRADE = Cue(BEST_GRADE)
_EVERY_GRADE = Cue(EVERY_GRADE)
_WORST_GRADE = Cue(WORST_GRADE)


def _printed_grades(plan: Plan, corpus: Corpus) -> set[str]:
    """The grades the targeted reports' ratings print, lower-case."""
    return {
        (r.get("value") or "").lower()
        for rid in _targets(plan, corpus)
        for _, r in records_of(corpus, rid, "rating")
    } - {""}


_BELOW = Cue(GRADE_BELOW)
_ABOVE = Cue(GRADE_ABOVE)


def _relative_grades(question: str, named: set[str], scale: list[str]) -> set[str]:
    """A grade named after "below" or "above" ("Which standards came out below Good?") stands
    for the grades under or over it on the scale the report grades on (`scale`, best first)."""
    ws = words(question)
    out = set(named)
    for grade in named:
        gw = words(grade)
        at = next((i for i in range(len(ws)) if ws[i : i + len(gw)] == gw), None)
        if at is None or grade not in scale:
            continue
        before = [(a, b) for a, b in _BELOW.spans(ws) if b == at]
        after = [(a, b) for a, b in _ABOVE.spans(ws) if b == at]
        if before or after:
            out.discard(grade)
            i = scale.index(grade)
            out |= set(scale[i + 1 :] if before else scale[:i])
    return out


def rating_record(corpus: Corpus, row: int) -> dict | None:
    """The grade record (`ingest.records`, kind "rating") of the paragraph at `row`, if any."""
    return next(
        (r for r in corpus.metas[row].get("records") or () if r.get("kind") == "rating"), None
    )


def rating_statement(corpus: Corpus, row: int) -> int | None:
    """Where the report says in a sentence the grade that row `row` records: the first
    paragraph, in reading order, of the standard's own part (its number leading the
    paragraph's, "3.4.1" for standard "3.4"; else its heading's name, and the part it sits in
    where the standard names one, "Out-of-court disposals: Assessment") that states the grade
    ("We rated reviewing as Inadequate, …" for "2.4 Reviewing | Inadequate") and is not itself a
    grade record; else the one paragraph of the report with a sentence that states the grade
    and names the standard ("We rated staffing as Outstanding."). It says why, which the table
    does not. None when there is no such paragraph.
    """
    record = rating_record(corpus, row)
    if record is None or not record.get("subject") or not record.get("value"):
        return None
    if corpus.metas[row]["kind"] in ("prose", "numbered") and _states_grade(
        words(corpus.texts[row]), words(record["value"])
    ):
        return None  # the grade's record is a sentence stating it already
    number, called = _standard_number(record["subject"])
    part, _, name = called.lower().rpartition(":")
    name, part = name.strip(), part.strip()
    prefix = number + "." if number else None
    grade = words(record["value"])
    by_number: list[int] = []
    by_name: list[int] = []
    by_sentence: list[int] = []  # "We rated staffing as Outstanding." for "1.2 …: Staff"
    named = set(tokens(name))
    for other in corpus.by_report.get(corpus.metas[row]["report_id"], []):
        md = corpus.metas[other]
        if (
            other == row
            or any(r.get("kind") == "rating" for r in md.get("records") or ())
            or md.get("kind") in ("field", "rating", "table_row")  # "Rating: Good": no sentence
        ):
            continue
        if not _states_grade(words(corpus.texts[other]), grade):
            continue
        if not any(_states_only(words(s), grade) for s in sentences(corpus.texts[other])):
            continue  # "eight were rated Good, …, three Requires improvement": several things
        paragraph = md.get("paragraph") or ""
        if prefix and paragraph.startswith(prefix):
            by_number.append(other)
        # a paragraph numbered under another standard ("2.1.1" for standard "3.1") is that
        # standard's, whatever its heading is called
        elif (
            md["section"].strip().lower() == name
            and part in (md.get("section_path") or "").lower()
            and not (prefix and paragraph.count(".") >= 2)
        ):
            by_name.append(other)
        elif named and any(
            named <= set(tokens(s)) and _states_only(words(s), grade)
            for s in sentences(corpus.texts[other])
        ):
            by_sentence.append(other)
    found = by_number or by_name or (by_sentence if len(by_sentence) == 1 else [])
    return found[0] if found else None


def standard_paragraph(corpus: Corpus, row: int) -> int | None:
    """The first paragraph, in reading order, of the part of the report about the standard the
    grade row `row` grades (numbered under its number, "2.4.1" for "2.4 Reviewing | Inadequate"),
    where no sentence states the grade ("Rating: Inadequate" heads the part): it says why.
    None when the row grades no numbered standard, or no paragraph is numbered under it."""
    record = rating_record(corpus, row)
    if record is None or not record.get("subject"):
        return None
    rows = corpus.by_report.get(corpus.metas[row]["report_id"], [])
    meta = corpus.metas[row]
    if meta.get("ordinal") == 1 and " | " not in corpus.texts[row]:
        # the grade heading its own part ("Our rating for planning is: Requires improvement"):
        # the part's next paragraph that gives no grade
        after = [
            i
            for i in rows
            if corpus.metas[i]["section"] == meta["section"]
            and corpus.metas[i].get("section_path") == meta.get("section_path")
            and corpus.metas[i]["kind"] in ("numbered", "prose")
            and corpus.metas[i].get("order", 0) > meta.get("order", 0)
            and rating_record(corpus, i) is None
        ]
        if after:
            return min(after, key=lambda i: corpus.metas[i].get("order", 0))
    number, _, name = record["subject"].strip().partition(" ")
    if not number.rstrip(".").replace(".", "").isdigit():
        # the number in a cell of its own ("4.1 | Resettlement policy and provision | …")
        number, name = record.get("text", "").partition(" | ")[0], record["subject"]
    number = number.strip().rstrip(".")
    if not number.replace(".", "").isdigit() or "." not in number:
        return None
    under = [
        i
        for i in rows
        if (corpus.metas[i].get("paragraph") or "").startswith(number + ".")
        and corpus.metas[i]["kind"] == "numbered"
    ]
    if not under and name.strip():
        # the part headed by the standard's name ("Resettlement policy and provision"), its
        # paragraphs numbered as the chapter's ("4.1 … 4.2"): its first that is not the grade
        named = name.strip(" .:|").lower()
        under = [
            i
            for i in rows
            if i != row
            and corpus.metas[i]["section"].strip().lower() == named
            and corpus.metas[i]["kind"] in ("numbered", "prose")
            and rating_record(corpus, i) is None
        ]
    return min(under, key=lambda i: corpus.metas[i].get("order", 0)) if under else None


def stated_grade_quote(
    corpus: Corpus, row: int, grade: str | None = None, standard: str = ""
) -> str:
    """The sentence of `rating_statement`'s paragraph that states the grade (`grade`, else any
    grade the report gives), and the one after it (the reason), verbatim. Of several stating
    the grade, the one naming most of the `standard` graded ("we rated staffing as
    Outstanding. … we rated the assessment of these [out-of-court] cases as Outstanding")."""
    sents = sentences(corpus.texts[row])
    grades = (
        [words(grade)]
        if grade
        else [
            words(r["value"])
            for other in corpus.by_report.get(corpus.metas[row]["report_id"], [])
            for r in corpus.metas[other].get("records") or ()
            if r.get("kind") == "rating" and r.get("value")
        ]
    )
    stating = [i for i, s in enumerate(sents) if any(_states_grade(words(s), g) for g in grades)]
    named = set(tokens(standard))
    first = max(stating or [0], key=lambda i: (len(named & set(tokens(sents[i]))), -i))
    return " ".join(" ".join(sents[first : first + 2]).split())


def overall_statement(corpus: Corpus, row: int) -> tuple[int, str] | None:
    """Where the report says in a sentence the overall grade the field or table row `row`
    records ("Overall rating: Requires improvement"): the first paragraph in reading order, no
    field or row itself, with a sentence naming the overall grade and stating it ("We have
    rated the service Requires improvement overall …"); that sentence. None when none does."""
    md = corpus.metas[row]
    record = next(
        (
            r
            for r in md.get("records") or ()
            if r.get("subject") == "overall_rating" and r.get("value")
        ),
        None,
    )
    if record is None:
        return None
    grade = words(record["value"])
    told = sorted(
        (
            i
            for i in corpus.by_report.get(md["report_id"], [])
            if i != row and corpus.metas[i]["kind"] in ("prose", "numbered")
        ),
        key=lambda i: corpus.metas[i].get("order", 0),
    )
    for i in told:
        for s in sentences(corpus.texts[i]):
            ws = words(s)
            if "overall" in ws and _states_grade(ws, grade) and record["value"] in s:
                return i, " ".join(s.split())
    return None


def told_above(corpus: Corpus, row: int, figure: str) -> tuple[int, str] | None:
    """The paragraph introducing the table `row` belongs to, and its sentence printing
    `figure` as a word ("We looked at 15 children whose sentences had begun…" over a table whose
    total row is 15); None when it prints no such sentence. The introduction is the nearest
    paragraph above the table, in its section, that is no row of it."""
    md = corpus.metas[row]
    above = max(
        (
            i
            for i in corpus.by_report.get(md["report_id"], [])
            if corpus.metas[i]["section"] == md["section"]
            and corpus.metas[i].get("order", 0) < md.get("order", 0)
            and corpus.metas[i]["kind"] != "table_row"
        ),
        key=lambda i: corpus.metas[i].get("order", 0),
        default=None,
    )
    if above is None or corpus.metas[above]["kind"] not in ("prose", "numbered"):
        return None
    # as an amount: "Table 2: Staffing at the time of fieldwork" says nothing of a row's 2
    said = next(
        (
            s
            for s in sentences(corpus.texts[above])
            if figure.lower() in words(s)
            and (not figure[:1].isdigit() or figure in (m.group(0) for m in amounts(s)))
        ),
        None,
    )
    return (above, " ".join(said.split())) if said else None


def cite_statement(corpus: Corpus, row: int, score: float) -> Cited | None:
    """`rating_statement` of the grade row `row`, cited by its `stated_grade_quote`."""
    said = rating_statement(corpus, row)
    if said is None:
        return None
    record: dict = rating_record(corpus, row) or {}
    quote = stated_grade_quote(
        corpus, said, record.get("value"), _standard_number(record.get("subject") or "")[1]
    )
    return Cited(hit_from_row(corpus, said, score=score), quote)


def gives_grade(corpus: Corpus, row: int) -> bool:
    """Does the paragraph give a grade: a grade's record (a ratings-table row, a "Standard:
    grade" line), or a sentence stating one ("We rated planning as Inadequate")?"""
    if any(r.get("kind") == "rating" for r in corpus.metas[row].get("records") or ()):
        return True
    text = corpus.texts[row]
    ws = words(text)
    # as reports print a grade they give: capitalised ("rated as Inadequate"); "was good enough
    # in 17 of the 24 cases" gives none
    return any(
        _states_grade(ws, gw) and (len(gw) > 1 or grade.title().split()[0] in text)
        for grade, gw in ((g, words(g)) for g in GRADES)
    )


def _states_only(ws: list[str], grade: list[str]) -> bool:
    """Does the text state the grade and no other ("eight were rated Good …, three were rated
    Requires improvement" states the grades of several things, none of them one thing's)?"""
    return _states_grade(ws, grade) and not any(
        _states_grade(ws, other) for other in (words(g) for g in GRADES) if other != grade
    )


def _states_grade(ws: list[str], grade: list[str]) -> bool:
    """Does the text (its words) put the grade right after a word that states one? A grade of
    more than one word is a statement wherever it stands ("Staffing requires improvement.")."""
    n = len(grade)
    return any(
        ws[i : i + n] == grade
        and (
            n > 1
            or (i > 0 and ws[i - 1] in _GRADE_STATED)
            # "we rated this standard Outstanding", "rated governance and leadership Good"
            or "rated" in ws[max(0, i - RATED_WITHIN) : max(0, i - 1)]
        )
        for i in range(len(ws))
    )


# an unsure list reading is borne out by one of its items among this many closest passages
LIST_EVIDENCE_K = 3


def _part(meta: dict) -> str:
    """The part of the report a paragraph is in, as a follow-up of an earlier inspection is
    told: the heading on its section path that names progress ("Progress since the 2016
    screening" over "MAPPA: improved"), else its section."""
    path = (meta.get("section_path") or meta["section"]).split(" > ")
    return next((h for h in path if set(words(h)) & _PROGRESS_HEADINGS), meta["section"])


def list_evidenced(plan: Plan, hits: list[Hit], corpus: Corpus) -> bool:
    """Does the evidence bear out the list the plan reads? Always when the question names the
    list or the intent is sure of it (`Plan.list_sure`); a list read unsurely from the question's
    meaning ("What are the priorities in the youth justice strategy?" recalls the
    recommendations) only when the search finds one of its items among the closest passages."""
    if plan.list_sure:
        return True
    closest = [h for h in hits[:LIST_EVIDENCE_K] if h.row >= 0]
    items = {
        row
        for rid in {h.report_id for h in closest}
        for row, _ in records_of(corpus, rid, plan.list_kind or "")
    }
    return any(
        h.row in items or list_kind(corpus.metas[h.row]["section"]) == plan.list_kind
        for h in closest
    )


class StructuredAnswerer:
    """One public method: `answer(plan, hits, corpus) -> Draft | None`."""

    def __init__(self) -> None:
        self.interval = IntervalAnswerer()  # the time between two dated events

    def answer(self, plan: Plan, hits: list[Hit], corpus: Corpus) -> Draft | None:
        if plan.abstain or not len(corpus):
            return None
        if plan.collection:
            return self._collection(plan, corpus)
        progress = self._progress(plan, corpus)
        if progress is not None:
            return progress
        between = self.interval.answer(plan, corpus)
        if between is not None:
            return between
        if (
            plan.list_kind
            and not self._relative_grade_asked(plan, corpus)
            and list_evidenced(plan, hits, corpus)
        ):
            return self._list(plan, hits, corpus)
        if plan.wants_actions and plan.report_ids and len(plan.report_ids) == 1:
            # "What is the head of service expected to do?": the recommendations the report
            # makes to an owner the question names (none named: a topic question)
            blocks = [(plan.report_ids[0], records_of(corpus, plan.report_ids[0], KIND_REC))]
            if blocks[0][1] and self._for_owner(plan, blocks, corpus) != blocks:
                return self._list(replace(plan, list_kind=KIND_REC), hits, corpus)
        # "Which standards were rated Good?" (not "good enough planning"): a grade filter only
        # when the question is about ratings or asks "which" (or for grades below or above one)
        grades = (
            self._grades_named(plan, corpus)
            if plan.rating or plan.enumerate or self._relative_grade_asked(plan, corpus)
            else set()
        )
        why = asks_why(plan)
        if (grades or plan.rating) and plan.yes_no and not (plan.comparison or why):
            # "Did our court disposal planning get a Good rating?": the grade of the standard
            # it names, whatever the grade is; not the standards graded Good
            one = self._standard_asked(plan, hits, corpus)
            if one is not None:
                return self._ratings(plan, corpus, set(), only=one)
        if grades:
            return self._ratings(plan, corpus, grades)
        # (a count asked, or a follow-up that took "rating" from the earlier question, asks
        # something else of the standard: "how many of those were actually reviewed?")
        alone = not (plan.comparison or why or plan.quantity or plan.inherited)
        if plan.rating and alone and len(_targets(plan, corpus)) == 1:
            # "elverstone 2023 staff standard rating": the grade of the standard the question
            # names by every word of its name ("1.2 Staff | Outstanding"), wherever its row
            # ranks below the standard's paragraphs; a name shared by two standards ("Planning"
            # of court and of out-of-court work) or named in part is left to the passages
            named = self._ratings(plan, corpus, set(), by_name=True)
            if named is not None:
                return named
        # a fact across the collection ("Where was reoffending above the national rate?"): no
        # area named; an area's own reports are told apart by the planner (year, "latest")
        several = plan.report_ids is None or len(plan.report_ids) > 1
        # a rate set against the national one ("Which areas beat the national average?") is
        # asked of each report, however far the wording is from the exemplars'
        against = plan.fact == "reoffending_rate" and _direction(plan.question) != 0
        confident = plan.intent.similarity >= FACT_ACROSS_MIN_SIMILARITY or against
        if plan.fact and several and confident and not plan.areas and _agrees(plan, hits, corpus):
            return self._fact_across(plan, corpus)
        return None

    # --- progress since an earlier inspection ----------------------------------------------

    @staticmethod
    def _progress(plan: Plan, corpus: Corpus) -> Draft | None:
        """ "Overall, how much progress has been made since the 2017 screening?": the part of
        the latest report on the targeted areas that follows up the earlier inspection's
        findings (its heading names progress), its paragraphs in order. Only where that report
        is later than one the question targets, or the question targets several (it answered
        with both reports' lists, or each side's nearest sentence). None otherwise."""
        if plan.intent.label != PROGRESS and not _PROGRESS_ASK.search(plan.question):
            return None
        targets = plan.report_ids or []
        areas = {corpus.reports[r].get("area") for r in targets if r in corpus.reports} - {None}
        if not areas:
            return None
        followed: list[tuple[tuple, str, list[int]]] = []
        for rid, report in corpus.reports.items():
            if report.get("area") not in areas:
                continue
            rows = [
                row
                for row in corpus.by_report.get(rid, [])
                if set(words(_part(corpus.metas[row]))) & _PROGRESS_HEADINGS
            ]
            if rows:
                followed.append((_when(corpus, rid), rid, rows))
        if not followed:
            return None
        when, rid, rows = max(followed)
        kind = kind_named(plan.question, corpus)
        if (
            len(targets) < 2
            and not any(_when(corpus, t) < when for t in targets)
            # ("… the 2023 report said about progress since the SQS": the earlier one named)
            and not (kind and kind != corpus.reports[rid].get("inspection_type"))
        ):
            return None  # one report asked about, itself the latest: a topic of that report
        section = _part(corpus.metas[rows[0]])
        rows = [r for r in rows if _part(corpus.metas[r]) == section][:MAX_PROGRESS_ROWS]
        cited = [Cited(hit_from_row(corpus, row, score=1.0), corpus.texts[row]) for row in rows]
        lines = [f"{corpus.label(rid)}, “{section}”:"]
        for n, c in enumerate(cited, start=1):
            # a finding's own heading gives its verdict ("MAPPA: improved"): it leads its item
            own = c.hit.section if c.hit.section != section else ""
            lines.append(f"- {own + ' — ' if own else ''}“{c.quote}” [{n}]")
        return Draft(text="\n".join(lines), cited=cited)

    # --- lists ----------------------------------------------------------------------------

    def _list(self, plan: Plan, hits: list[Hit], corpus: Corpus) -> Draft | None:
        kind = plan.list_kind or ""
        blocks: list[tuple[str, list[tuple[int, dict]]]] = []
        for side_no, side in enumerate(plan.sides):
            reports = list(side.report_ids or [])
            side_hits = [h for h in hits if h.side == side_no]
            if len(reports) != 1 and not plan.comparison:
                reports = _one_list(corpus, reports, kind, side_hits)
            for rid in reports:
                items = records_of(corpus, rid, kind)
                if items:
                    blocks.append((rid, items))
        if not blocks:
            return None
        whole = {rid: len(items) for rid, items in blocks}
        if kind == "recommendation":
            blocks = self._for_owner(plan, blocks, corpus)
        lines: list[str] = []
        cited: list[Cited] = []
        if plan.quantity and len(blocks) == 1:
            # "How many recommendations were made?": the report's own sentence giving the
            # count ("we have made six recommendations") leads, the items follow
            rid, items = blocks[0]
            told = _count_told(corpus, rid, len(items), kind)
            if told is not None:
                row, sentence = told
                cited.append(Cited(hit_from_row(corpus, row, score=1.0), sentence))
                lines.append(f"“{sentence}” [1]")
                lines.append("")
        for rid, items in blocks:
            # the list's own heading names it ("key strengths", "areas requiring improvement")
            heading = corpus.metas[items[0][0]]["section"].strip().lower() if items else ""
            noun = heading if list_kind(heading) == kind else PLURAL.get(kind, PLURAL_REC)
            if len(items) < whole[rid]:  # those for the owner named
                lines.append(f"{corpus.label(rid)}: {len(items)} of its {whole[rid]} {noun}:")
            else:
                lines.append(f"{corpus.label(rid)} lists {len(items)} {_number(noun, len(items))}:")
            for row, r in items:
                cited.append(Cited(hit_from_row(corpus, row, score=1.0), r["text"]))
                owner = f" ({r['owner']})" if r.get("owner") and r["owner"] not in r["text"] else ""
                lines.append(f"- “{r['text']}”{owner} [{len(cited)}]")
        return Draft(text="\n".join(lines), cited=cited)

    @staticmethod
    def _for_owner(
        plan: Plan, blocks: list[tuple[str, list[tuple[int, dict]]]], corpus: Corpus
    ) -> list[tuple[str, list[tuple[int, dict]]]]:
        """Recommendations for an owner the question names: the owner whose name (less the
        area's) the question prints most of, and, of those, most fully ("the YOS manager" is
        not "the YOS management board"); two of its words, or all of them when it has one
        ("the directors of children's services" names "The directors of children's services
        in Wexcaster City, Lanbridge, …"). An acronym the reports define is read with its
        words ("the YJS itself" names "Brockhurst Youth Justice Service"). No owner named: all
        of them."""
        # every word but the little ones: role names are made of words content_terms
        # counts as generic ("children's services")
        spelled = f"{plan.question} {expansions_in(plan.question, corpus.acronyms)}"
        asked = set(tokens(spelled))
        areas = {w for a in plan.areas for w in tokens(a)}

        def named(r: dict) -> tuple[int, float]:
            terms = set(tokens(r.get("owner") or "")) - areas
            hits = len(terms & asked)
            if not terms or not (hits >= 2 or hits == len(terms)):
                return (0, 0.0)
            return (hits, hits / len(terms))

        best = max((named(r) for _, items in blocks for _, r in items), default=(0, 0.0))
        if best[0]:
            return [
                (rid, [(row, r) for row, r in items if named(r) == best]) for rid, items in blocks
            ]
        # an owner named by the one word of its name no other owner has ("the board itself":
        # "The Fallowmere Youth Justice Management Board", beside "The Youth Justice Service")
        owners = {r["owner"] for _, items in blocks for _, r in items if r.get("owner")}
        own = {o: set(content_terms(o)) - areas for o in owners}
        told = [
            o for o in owners if (own[o] - set().union(*(own[x] for x in owners if x != o))) & asked
        ]
        if len(owners) > 1 and len(told) == 1:
            return [
                (rid, [(row, r) for row, r in items if r.get("owner") == told[0]])
                for rid, items in blocks
            ]

        # No owner printed for the one named: an item written "X should …" opens with X, who
        # acts or what is acted on; the items whose X the question names the most words of
        # ("the YOS Management Board and the clinical commissioning group should" is for the
        # management board too; "The YOS Manager should" is not: words unstemmed, as a stem
        # makes "manager" and "management" one)
        said = _role_words(plan.question)
        places = {w for a in plan.areas for w in _role_words(a)}

        def opens_with(r: dict) -> int:
            terms = _role_words(_subject(r["text"])) - places
            hits = len(terms & said)
            return hits if terms and (hits >= 2 or hits == len(terms)) else 0

        most = max((opens_with(r) for _, items in blocks for _, r in items), default=0)
        if not most:
            return blocks
        return [
            (rid, [(row, r) for row, r in items if opens_with(r) == most]) for rid, items in blocks
        ]

    # --- ratings --------------------------------------------------------------------------

    @staticmethod
    def _relative_grade_asked(plan: Plan, corpus: Corpus) -> bool:
        """Does the question ask for the grades below or above one it names ("which bits came
        out below good?"): a question about grades, whatever list its words are nearest?"""
        if not (_BELOW.search(plan.question) or _ABOVE.search(plan.question)):
            return False
        printed = _printed_grades(plan, corpus)
        scale = [g for g in GRADES if g in printed]
        named = {g for g in printed if _contains(_stems(plan.question), _stems(g))}
        return bool(named) and _relative_grades(plan.question, named, scale) != named

    @staticmethod
    def _grades_named(plan: Plan, corpus: Corpus) -> set[str]:
        """Grades that the targeted reports print in their ratings and the question names."""
        q = _stems(plan.question)  # "requiring improvement" names "Requires improvement"
        printed = _printed_grades(plan, corpus)
        named = {g for g in printed if _contains(q, _stems(g))}
        if "requires improvement" in printed and _IMPROVEMENT_NEEDED.search(plan.question):
            named.add("requires improvement")
        named = _relative_grades(plan.question, named, [g for g in GRADES if g in printed])
        if _MARKED_DOWN.search(plan.question) and len(_targets(plan, corpus)) == 1:
            # "Did Northfield get marked down on anything?", of one report (asked of many, a
            # list of every low grade in each would bury the answer)
            named |= printed & set(LOW_GRADES)
        targets = _targets(plan, corpus)
        if len(targets) == 1 and not names_standard(
            plan.question,
            [r.get("subject") or "" for _, r in records_of(corpus, targets[0], "rating")],
            {w for a in plan.areas for w in words(a)},
        ):
            # "Which parts got the very top grade?": the best (worst) grade the report gave, on
            # the scale its grades are on (GRADES lists each scale from its best grade down);
            # not when a standard is named by most of its words ("did the out-of-court policy
            # and provision standard get top marks?" asks of that one)
            order = [g for g in GRADES if g in printed]
            if order and _BEST_GRADE.search(plan.question):
                named.add(order[0])
            if order and _WORST_GRADE.search(plan.question):
                named.add(order[-1])
            if plan.rating and not named and _EVERY_GRADE.search(plan.question):
                # "What were Quenbridge's ratings in 2022?": every standard's grade
                named = set(order)
        # "requires improvement" also contains… nothing shorter is a grade; keep the longest
        return {g for g in named if not any(g != h and g in h for h in named)}

    @staticmethod
    def _standard_asked(plan: Plan, hits: list[Hit], corpus: Corpus) -> int | None:
        """The row of the one standard a yes/no question about a grade names: the standard
        whose name and domain share most words with the question ("court disposal planning":
        "2.2 Planning" under "2. Court disposals", not "3.2 Planning" under "3. Out-of-court
        disposals"), at least one word of its own name; of several alike, the one the
        passages rank first. None when none is named, or no passage tells those alike apart."""
        targets = _targets(plan, corpus)
        if len(targets) != 1:
            return None
        asked = _content_stems(plan.question) - {stem(w) for a in plan.areas for w in words(a)}
        scored: list[tuple[int, int, dict]] = []
        for row, r in records_of(corpus, targets[0], "rating"):
            if r.get("subject") == OVERALL_RATING_SUBJECT:
                continue
            own = len(asked & _content_stems(_standard_number(r.get("subject") or "")[1]))
            if own:
                scored.append((own + len(asked & _content_stems(_domain_of(corpus, row))), row, r))
        best = max((n for n, _, _ in scored), default=0)
        alike = _one_per_standard([(row, r) for n, row, r in scored if n == best], corpus)
        if len(alike) == 1:
            return alike[0][0]
        ranked = [h.row for h in hits]
        return next((row for row in ranked if row in {r for r, _ in alike}), None)

    def _ratings(
        self,
        plan: Plan,
        corpus: Corpus,
        grades: set[str],
        by_name: bool = False,
        only: int | None = None,
    ) -> Draft | None:
        """The standards graded `grades` (or marked down, the question naming them); with
        `by_name`, the one standard whose every name word the question prints; with `only`,
        the standard graded on that row."""
        by_name = by_name or only is not None
        lines: list[str] = []
        cited: list[Cited] = []
        targets = _targets(plan, corpus)
        if plan.quantity and len(targets) == 1 and len(grades) == 1:
            # "How many standards were graded Good?": the report's own sentence giving the
            # count ("… five Good and one Outstanding") leads, the standards follow
            grade = next(iter(grades))
            n = sum(
                (r.get("value") or "").lower() == grade
                for _, r in records_of(corpus, targets[0], "rating")
                if r.get("subject") != OVERALL_RATING_SUBJECT
            )
            told = _count_told(corpus, targets[0], n, grade) if n else None
            if told is not None:
                row, sentence = told
                cited.append(Cited(hit_from_row(corpus, row, score=1.0), sentence))
                lines += [f"**{n}** — “{sentence}” [1]", ""]
        marked_down = bool(_MARKED_DOWN.search(plan.question))
        asked = _content_stems(plan.question) - {stem(w) for a in plan.areas for w in words(a)}
        for rid in targets:
            ratings = [
                (row, r)
                for row, r in records_of(corpus, rid, "rating")
                if r.get("subject") != OVERALL_RATING_SUBJECT  # "which standards": not overall
            ]
            named = (
                [(row, r) for row, r in ratings if asked & _content_stems(r.get("subject") or "")]
                if marked_down
                else []
            )
            if only is not None:
                rated = [(row, r) for row, r in ratings if row == only]
            elif by_name:
                whole = _in_domain_asked(
                    [(row, r) for row, r in ratings if _named_wholly(r, asked)], asked, corpus
                )
                rated = whole if len(_one_per_standard(whole, corpus)) == 1 else []
            elif named:
                # "marked down on resettlement": the grades of the standards it names,
                # whatever they are; on nothing named, every grade below Good
                rated = named
            else:
                rated = [(row, r) for row, r in ratings if (r.get("value") or "").lower() in grades]
            rated = _one_per_standard(rated, corpus)
            if not rated:
                continue
            lines.append(f"{corpus.label(rid)}:")
            for row, r in rated:
                item = f"- **{r.get('subject') or r['text']}**: {r['value']}"
                # the report's sentence stating the grade says why, which the table row does
                # not: it is quoted in the row's place when there is one
                said = cite_statement(corpus, row, 1.0)
                if said is not None and all(c.hit.row != said.hit.row for c in cited):
                    cited.append(said)
                    lines.append(f"{item} — “{said.quote}” [{len(cited)}]")
                    if by_name:
                        # the one grade asked for: its row follows the sentence stating it,
                        # as the passages' answer gives both
                        cited.append(Cited(hit_from_row(corpus, row, score=1.0), r["text"]))
                        lines[-1] += f" [{len(cited)}]"
                else:
                    cited.append(Cited(hit_from_row(corpus, row, score=1.0), r["text"]))
                    lines.append(f"{item} [{len(cited)}]")
        if not cited:
            return None
        return Draft(text="\n".join(lines), cited=cited)

    # --- one fact across reports ------------------------------------------------------------

    def _fact_across(self, plan: Plan, corpus: Corpus) -> Draft | None:
        subject = plan.fact or ""
        direction = _direction(plan.question) if subject == "reoffending_rate" else 0
        lines: list[str] = []
        cited: list[Cited] = []
        # the national rate set beside the service's when the question compares them ("Is our
        # reoffending rate lower than the national one?"): both figures are the answer
        beside = subject == "reoffending_rate" and (direction != 0 or names_nation(plan.question))
        for rid in _targets(plan, corpus):
            facts = records_of(corpus, rid, "fact")
            mine = [(row, r) for row, r in facts if r.get("subject") == subject]
            if not mine:
                continue
            row, r = mine[0]
            quote = r["text"]
            if corpus.metas[row]["kind"] == "table_row" and has_number(str(r.get("value") or "")):
                # "Total | 15" is said in a sentence above its table: that sentence is quoted
                row, quote = told_above(corpus, row, str(r["value"])) or (row, quote)
            if direction:
                national = next((f for _, f in facts if f.get("subject") == NATIONAL_RATE), None)
                own, other = _percent(r.get("value")), _percent((national or {}).get("value"))
                if own is None or other is None or (own - other) * direction <= 0:
                    continue
            cited.append(Cited(hit_from_row(corpus, row, score=1.0), quote))
            line = f"- **{corpus.label(rid)}**: {r.get('value')} — “{quote}” [{len(cited)}]"
            national_row = national_rate_beside(corpus, rid, row)
            if beside and national_row is not None:
                nrow, f = national_row
                cited.append(Cited(hit_from_row(corpus, nrow, score=1.0), f["text"]))
                line += f"; the national rate {f.get('value')} — “{f['text']}” [{len(cited)}]"
            lines.append(line)
        if not cited:
            return None
        return Draft(text="\n".join(lines), cited=cited)

    # --- the collection ---------------------------------------------------------------------

    def _collection(self, plan: Plan, corpus: Corpus) -> Draft | None:
        kind = plan.collection
        if kind in ("latest", "earliest"):
            # the planner already narrowed "latest" to one report: choose among the area's
            pool = plan.scope if plan.scope is not None else list(corpus.reports)
            named = {rid for a in plan.areas for rid in corpus.areas.get(a.lower(), [])}
            pool = [rid for rid in pool if not named or rid in named]
        else:
            pool = _targets(plan, corpus)
        reports = sorted(pool, key=lambda rid: _when(corpus, rid))
        if not reports:
            return None
        cited: list[Cited] = []

        def cite(rid: str) -> str:
            row, quote = _dated_row(corpus, rid)
            cited.append(Cited(hit_from_row(corpus, row, score=1.0), quote))
            return f"“{quote}” [{len(cited)}]"

        if kind in ("latest", "earliest"):
            rid = reports[-1] if kind == "latest" else reports[0]
            which = "most recent" if kind == "latest" else "earliest"
            text = f"The {which} of the {len(reports)} reports stored is **{corpus.label(rid)}**: "
            return Draft(text=text + cite(rid), cited=cited)
        if kind == "repeated":
            by_area: dict[str, list[str]] = {}
            for rid in reports:
                area = corpus.reports[rid].get("area")
                if area:
                    by_area.setdefault(area, []).append(rid)
            repeated = {a: rids for a, rids in by_area.items() if len(rids) > 1}
            if repeated:
                n = len(repeated)
                lines = [f"{n} {'areas have' if n > 1 else 'area has'} more than one inspection:"]
                for area, rids in sorted(repeated.items()):
                    lines.append(f"- **{area}** ({len(rids)}):")
                    lines += [f"  - {corpus.label(r)}: {cite(r)}" for r in rids]
                return Draft(text="\n".join(lines), cited=cited)
            head = f"No area has more than one of the {len(reports)} reports searched:"
            lines = [head] + [f"- **{corpus.label(r)}**: {cite(r)}" for r in reports]
            return Draft(text="\n".join(lines), cited=cited)
        lines = [
            f"{len(reports)} reports are stored:" if len(reports) != 1 else "1 report is stored:"
        ]
        lines += [f"- **{corpus.label(rid)}**: {cite(rid)}" for rid in reports]
        return Draft(text="\n".join(lines), cited=cited)


def _number(noun: str, n: int) -> str:
    """ "recommendations" for many, "recommendation" for one ("key strength", "area requiring
    improvement": the plural word is the last or the first)."""
    if n != 1:
        return noun
    ws = noun.split()
    i = len(ws) - 1 if ws[-1].endswith("s") else 0
    ws[i] = ws[i].removesuffix("s") if ws[i].endswith("s") and not ws[i].endswith("ss") else ws[i]
    return " ".join(ws)


def _subject(text: str) -> str:
    """The words before "should" that open an item ("The YOS Management Board should …"),
    or nothing when the item does not open that way."""
    head, sep, _ = text.partition(" should ")
    return head if sep and len(head.split()) <= MAX_SUBJECT_WORDS else ""


def _role_words(text: str) -> set[str]:
    """The words of a role's name, lower-case and singular, without the little ones."""
    return {
        w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words(text) if w not in STOPWORDS
    }


def _standard_number(subject: str) -> tuple[str | None, str]:
    """A graded standard's number and name ("3.4 Out-of-court disposal…": "3.4" and the rest);
    (None, the subject) when it is not numbered."""
    head, _, rest = subject.strip().partition(" ")
    number = head.rstrip(".")
    if rest and number.replace(".", "").isdigit():
        return number, rest.strip()
    return None, subject.strip()


def _domain_of(corpus: Corpus, row: int) -> str:
    """The domain a numbered standard's row sits in: the nearest row above it in the same part
    that carries no grade and opens with the domain's number ("2. Court disposals" or "Domain
    2: Court disposals" above "2.2 Planning | Requires improvement"); "" when there is none."""
    record = rating_record(corpus, row)
    number = _standard_number((record or {}).get("subject") or "")[0]
    if not number or "." not in number:
        return ""
    domain = number.partition(".")[0]
    meta = corpus.metas[row]
    above = [
        i
        for i in corpus.by_report.get(meta["report_id"], [])
        if corpus.metas[i]["section"] == meta["section"]
        and corpus.metas[i].get("order", 0) < meta.get("order", 0)
    ]
    for i in sorted(above, key=lambda i: corpus.metas[i].get("order", 0), reverse=True):
        ws = corpus.texts[i].split()
        if ws and ws[0].lower() == "domain":
            ws = ws[1:]
        if ws and ws[0].rstrip(".:") == domain and rating_record(corpus, i) is None:
            return " ".join(ws[1:])
    return _domain_heading(corpus, row, number)


# a standard's own heading: "Standard 3.2: Planning", "3.2 Planning" or "Planning"
_STANDARD_HEADING = re.compile(r"^(?:standard\s+)?(\d+(?:\.\d+)+)\s*:?\s*(.*)$", re.IGNORECASE)


def _domain_heading(corpus: Corpus, row: int, number: str) -> str:
    """Where the ratings table prints no domain rows: the heading above the standard's own part
    in the report ("Out-of-court disposals" over "Standard 3.2: Planning"); a part headed by the
    name alone is the standard's when the report's standards of that name and the parts so
    headed go in the same order (the second "Planning" is 3.2's). "" when none is found."""
    rid = corpus.metas[row]["report_id"]
    name = _standard_number((rating_record(corpus, row) or {}).get("subject") or "")[1].lower()
    same = sorted(
        (
            _standard_number(r.get("subject") or "")[0] or ""
            for _, r in records_of(corpus, rid, "rating")
            if _standard_number(r.get("subject") or "")[1].lower() == name
        ),
        key=lambda n: [int(x) for x in n.split(".") if x.isdigit()],  # 10.1 after 2.1
    )
    numbered: list[str] = []
    named: list[str] = []
    for i in sorted(corpus.by_report.get(rid, []), key=lambda i: corpus.metas[i].get("order", 0)):
        parts = [p.strip() for p in (corpus.metas[i].get("section_path") or "").split(">")]
        if len(parts) < 2:
            continue
        m = _STANDARD_HEADING.match(parts[-1])
        title = (m.group(2) if m else parts[-1]).strip().lower()
        if title != name:
            continue
        if m and m.group(1) == number and parts[-2] not in numbered:
            numbered.append(parts[-2])
        elif not m and parts[-2] not in named:
            named.append(parts[-2])
    if numbered:
        return numbered[0]
    return named[same.index(number)] if len(named) == len(same) and number in same else ""


def _in_domain_asked(
    rated: list[tuple[int, dict]], asked: set[str], corpus: Corpus
) -> list[tuple[int, dict]]:
    """Of standards sharing a name ("2.2 Planning", "3.2 Planning"), those of the domain the
    question names most words of ("out-of-court planning": the one under "Out-of-court
    disposals"); all of them when it names none."""
    if len(_one_per_standard(rated, corpus)) < 2:
        return rated
    told = [len(asked & _content_stems(_domain_of(corpus, row))) for row, _ in rated]
    best = max(told)
    return [x for x, n in zip(rated, told, strict=True) if n == best] if best else rated


def _named_wholly(rating: dict, asked: set[str]) -> bool:
    """Does the question (its stems, `asked`) print every word of the standard's name?"""
    name = _content_stems(_standard_number(rating.get("subject") or "")[1])
    return bool(name) and name <= asked


def _one_per_standard(rated: list[tuple[int, dict]], corpus: Corpus) -> list[tuple[int, dict]]:
    """One entry a standard: a grade line in the standard's own part ("Our rating for staff is:
    Outstanding" under "Staff") repeats a row of the ratings table ("1.2 Staff | Outstanding")
    with the same grade, which is kept; the table's rows are never dropped (two standards may
    share a name: planning of court and of out-of-court work)."""

    def bare(subject: str) -> str:
        return _standard_number(subject)[1].lower()

    def generic(r: dict) -> bool:
        # "Rating", "Our rating for staff is": a line naming its standard by where it stands
        return (r.get("subject") or "").lower().startswith(("rating", "our rating"))

    tabled = {
        (bare(r.get("subject") or ""), (r.get("value") or "").lower())
        for _, r in rated
        if not generic(r)
    }
    return [
        (row, r)
        for row, r in rated
        if not (
            generic(r)
            and (corpus.metas[row]["section"].strip().lower(), (r.get("value") or "").lower())
            in tabled
        )
    ]


def _one_list(corpus: Corpus, reports: list[str], kind: str, hits: list[Hit]) -> list[str]:
    """Several reports and no comparison: one area's reports ("What were Haverleigh's key
    strengths?") give its latest list, as the current one is asked for; reports of several
    areas, the one the evidence points at."""
    areas = {(corpus.reports[r].get("area") or "").lower() for r in reports}
    listing = [r for r in reports if records_of(corpus, r, kind)]
    if len(areas) == 1 and "" not in areas and listing:
        return [max(listing, key=lambda r: _when(corpus, r))]
    return [hits[0].report_id] if hits else reports[:1]


def _when(corpus: Corpus, report_id: str) -> tuple:
    meta = corpus.reports[report_id]
    return (meta.get("year") or 0, meta.get("publication_date") or "", report_id)


def _dated_row(corpus: Corpus, report_id: str) -> tuple[int, str]:
    """The paragraph that prints the report's publication date (its record), else its first."""
    for row, r in records_of(corpus, report_id, "fact"):
        if r.get("subject") == "publication_date" and r.get("text"):
            return row, r["text"]
    rows = corpus.by_report[report_id]
    first = min(rows, key=lambda i: corpus.metas[i].get("order", 0))
    return first, sentences(corpus.texts[first])[0]


def _agrees(plan: Plan, hits: list[Hit], corpus: Corpus) -> bool:
    """Does the search agree that the question is about the fact: one of the best few passages
    prints it (its record)? "Which service brought in a one-page plan?" reads like "which
    service" by meaning, but its passages are about the plan, not the manager."""
    return any(prints_fact(corpus.metas[h.row], plan.fact) for h in hits[:AGREEING_HITS])


def unrated_standard(plan: Plan, corpus: Corpus) -> str | None:
    """What the answer says when a grade is asked of a standard its one rated report does not
    grade: the question names the words of one standard's name and of another domain, and no
    standard it names sits in that domain ("out-of-court disposal policy and provision" of a
    report whose out-of-court domain grades assessment, planning and delivery, and whose
    "4.1 Resettlement policy and provision" is of resettlement). None otherwise."""
    targets = _targets(plan, corpus)
    if not plan.rating or plan.comparison or plan.enumerate or len(targets) != 1:
        return None
    names = {
        row: _content_stems(_standard_number(r.get("subject") or "")[1])
        for row, r in records_of(corpus, targets[0], "rating")
        if r.get("subject") != OVERALL_RATING_SUBJECT
    }
    rated = list(names)
    asked = _content_stems(plan.question) - {stem(w) for a in plan.areas for w in words(a)}
    domains = {row: _content_stems(_domain_of(corpus, row)) for row in rated}
    # a domain's words, named whole ("organisational delivery ratings"), ask for the domain;
    # the words of a standard's name beyond them ("policy and provision") for a standard
    whole = set().union(*(d for d in domains.values() if d and d <= asked))
    named = [row for row in rated if (asked - whole) & names[row]]
    # the domain's words the question names that are no standard's name ("out-of-court")
    of_domain = asked & set().union(*domains.values()) - set().union(*names.values())
    if not named or not of_domain or any(of_domain <= domains[row] for row in named):
        return None
    return f"{corpus.label(targets[0])} grades no standard by the name the question gives."


def _targets(plan: Plan, corpus: Corpus) -> list[str]:
    ids = plan.report_ids
    return sorted(ids if ids is not None else (plan.scope or list(corpus.reports)))


def _direction(question: str) -> int:
    """+1 for "above/higher than the national rate", -1 for "below/lower", 0 for neither."""
    words = set(question.lower().replace("?", " ").split())
    if words & words_of(ABOVE_WORDS):
        return 1
    if words & words_of(BELOW_WORDS):
        return -1
    return 0


def _percent(value: str | None) -> float | None:
    m = PERCENT.search(value or "")
    return float(m.group(1)) if m else None


def _content_stems(text: str) -> set[str]:
    return {stem(w) for w in words(text) if w not in STOPWORDS}


def _stems(text: str) -> list[str]:
    """Every word's stem, little words kept ("not sufficient" is not "sufficient")."""
    return [stem(w) for w in words(text)]


def _contains(seq: list[str], part: list[str]) -> bool:
    """Is `part` a run of consecutive items of `seq`?"""
    n = len(part)
    return n > 0 and any(seq[i : i + n] == part for i in range(len(seq) - n + 1))


# a count of a list's items up to a dozen, as a sentence writes it ("six recommendations")
COUNT_WORDS = SMALL_COUNTS.split()
# words after the number that may name the list ("seven areas requiring improvement")
COUNT_NOUN_WITHIN = 3


def _count_told(corpus: Corpus, rid: str, n: int, kind: str) -> tuple[int, str] | None:
    """The report's sentence that gives the count of its list of `kind` ("As a result of our
    inspection findings, we have made six recommendations …"): a paragraph that is no item
    of a list, printing n (in figures or words) with the list's word right after it."""
    said = {str(n)} | ({COUNT_WORDS[n - 1]} if 1 <= n <= len(COUNT_WORDS) else set())
    key = stem(kind.split()[0])  # a grade's first word: "five Requires improvement"
    for row in corpus.by_report.get(rid, []):
        if list_kind(corpus.metas[row]["section"]) == kind and corpus.metas[row]["kind"] in (
            "bullet",
            "numbered",
        ):
            continue
        for sentence in sentences(corpus.texts[row]):
            ws = words(sentence)
            for i, w in enumerate(ws):
                if w in said and any(stem(x) == key for x in ws[i + 1 : i + 1 + COUNT_NOUN_WITHIN]):
                    return row, sentence
    return None
