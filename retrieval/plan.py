"""Read a question (with its conversation and filters) into a retrieval plan.

`QuestionPlanner.plan(question, history, filters, corpus) -> Plan` decides which reports each
side of the question is about (an area, a year, "latest", "before the 2016 inspection", two
areas or two inspections to compare, the area of earlier turns for a follow-up), what kind of
answer is wanted (a list, a number, a yes/no), and whether the question asks about something the
targeted reports do not print at all: then the plan says so and nothing is retrieved.
"""

from __future__ import annotations

import itertools
import re
import threading
from dataclasses import dataclass, field

import numpy as np

from findings import lexicon
from findings.records import FACT_KINDS, Abstention
from findings.vocab import (
    LIST_SECTIONS,
    MONTHS,
    QUESTION_TYPE_ORDER,
    TYPE_BY_KEY,
    AbstainReason,
    list_kind_named,
    without_list_names,
)
from retrieval.corpus import Corpus, expansions_in
from retrieval.intents import PROGRESS, TOPIC, Intent, IntentClassifier, asking_words
from retrieval.text import (
    COUNTED_AFTER,
    GRADE,
    SPELL_TWO_EDITS_FROM,
    STOPWORDS,
    YEAR,
    Cue,
    content_terms,
    counted_words,
    is_year,
    names_standard,
    sentences,
    spellings_of_year_span,
    stem,
    synonyms,
    tokens,
    within_edits,
    word_spans,
    words,
    year_spans,
)
from retrieval.text import years as years_in

LATEST = Cue(lexicon.LATEST)
COPY_LIST = frozenset(lexicon.COPY_LIST_WORDS)
EVERY_GRADE = Cue(lexicon.EVERY_GRADE)
BEST_GRADE = Cue(lexicon.BEST_GRADE)
WORST_GRADE = Cue(lexicon.WORST_GRADE)
OVERALL_RATING = "overall_rating"
OVERALL_SCORE = "overall_score"
# the words that ask for a grade: no topic of their own
RATING_WORDS = {
    w for phrase in lexicon.RATING_ASK for part in phrase.split() for w in part.split("|")
}
NOW = Cue(lexicon.NOW)
PREVIOUS = Cue(lexicon.PREVIOUS, unless=lexicon.PREVIOUS_NOT)
LAST_TIME = Cue(lexicon.LAST_TIME)
FIRST = Cue(lexicon.FIRST, unless=lexicon.FIRST_NOT)
REPEATED = Cue(lexicon.REPEATED)
NEXT = Cue(lexicon.NEXT)
NEXT_REPORT = Cue(lexicon.NEXT_REPORT)
UNTIL_NEXT = Cue(lexicon.UNTIL_NEXT)
FUTURE_ASK = Cue(lexicon.FUTURE_ASK)
TOGETHER = Cue(lexicon.FINDINGS_TOGETHER)
REMEDIED = Cue(lexicon.REMEDIED)
PUT_RIGHT = Cue(lexicon.PUT_RIGHT, not_after=lexicon.PUT_RIGHT_NOT_AFTER)
CHANGE = Cue(lexicon.CHANGE, unless=lexicon.CHANGE_NOT, not_after=lexicon.CHANGE_NOT_AFTER)
PERSISTS = Cue(lexicon.PERSISTS)
COMPARE = Cue(lexicon.COMPARE)
ALTERNATIVES = Cue(lexicon.ALTERNATIVES)
EACH_SIDE = Cue(lexicon.EACH_SIDE)
BEFORE_YEAR = Cue(lexicon.BEFORE_YEAR)
AFTER_YEAR = Cue(lexicon.AFTER_YEAR)
SOFT_YEAR = Cue(lexicon.SOFT_YEAR)
REPORT_LEVEL = Cue(lexicon.REPORT_LEVEL)
REPORT_NOUNS = Cue(lexicon.REPORT_NOUNS)
POINTS_BACK_WORDS = lexicon.words_of(lexicon.POINTS_BACK)
# the one-word names of the kinds of report ("screening", "thematic", "fji")
KIND_NAMES = frozenset(
    p for t in TYPE_BY_KEY.values() for p in t.in_question if " " not in p and "|" not in p
)
COLLECTION_OBJECTS = Cue([*lexicon.REPORT_NOUNS, *lexicon.COLLECTION_OBJECTS])
REPORT_NAMES = lexicon.words_of(lexicon.REPORT_NAMES)
REPORT_COUNTS = lexicon.words_of(lexicon.REPORT_COUNTS)
RATING_ASK = Cue(lexicon.RATING_ASK)
SCORE_ASK = Cue(lexicon.SCORE_ASK)
SCORE_WORDS = frozenset(w for key in lexicon.SCORE_ASK for w in key.split("|"))
# stems of the words that name a report's grade or the report itself ("overall rating and
# score", "the YJS inspection"), not a topic of its findings
REPORT_NAMING = frozenset(
    stem(w)
    for w in {*RATING_WORDS, *SCORE_WORDS, "overall"}
    | {
        w
        for t in TYPE_BY_KEY.values()
        for phrase in t.in_question
        for part in phrase.split()
        for w in part.split("|")
        if w.isalpha()
    }
)
OTHER_INSPECTORATE = Cue(lexicon.OTHER_INSPECTORATES)
QUANTITY = Cue(lexicon.QUANTITY, unless=lexicon.QUANTITY_NOT)
BUDGET = Cue(lexicon.BUDGET)
BUDGET_ASK = Cue(lexicon.BUDGET_ASK)
MONEY = Cue({**lexicon.BUDGET, **lexicon.MONEY_USED})
HOW_MUCH = Cue(lexicon.HOW_MUCH, unless=lexicon.HOW_MUCH_TIME)
YES_NO = Cue(lexicon.YES_NO_OPENERS)
REQUEST = Cue(lexicon.REQUEST_OPENERS)
WH = Cue(lexicon.WH_OPENERS)
WHEN = Cue(lexicon.WHEN_OPENERS)
WHERE = Cue(lexicon.WHERE_OPENERS)
WHO = Cue(lexicon.WHO_OPENERS)
WHO_ANYWHERE = Cue(lexicon.WHO_ANYWHERE)
ENUMERATE = Cue(lexicon.ENUMERATE_OPENERS)
SUMMARY_ASK = Cue(lexicon.SUMMARY_ASK)
TOPIC_ASK = Cue(lexicon.TOPIC_ASK)
DETERMINERS = lexicon.words_of(lexicon.DETERMINERS)
ROLE_OF = lexicon.words_of(lexicon.ROLE_OF_PLACE)
# words that frame a question (comparison, time, size), never the topic a report may lack
NOT_CONCEPTS = frozenset(stem(w) for w in lexicon.words_of(lexicon.NOT_CONCEPTS))
ROLE_ASK = Cue(lexicon.ROLE_ASK)
ROLE_TITLE_ASK = Cue(lexicon.ROLE_TITLE_ASK)
ROLE_TIME = lexicon.words_of(lexicon.ROLE_TIME)
NAME_BY_PRONOUN = Cue(lexicon.NAME_BY_PRONOUN)
NAMED_RATES = lexicon.words_of(lexicon.NAMED_RATES)
SHARE = Cue(lexicon.SHARE)
PERSON_NOUNS = lexicon.words_of(lexicon.PERSON_NOUNS)
LEADING_WORDS = frozenset(lexicon.LEADING_CONJUNCTIONS)
ACTIONS_ASK = Cue(lexicon.ACTIONS_ASK)
ANAPHORA = Cue(lexicon.ANAPHORA)
THEN = Cue(lexicon.THEN)
TIME_FRAMING = frozenset(lexicon.words_of(lexicon.TIME_FRAMING))
# A heading read as naming a list (QuestionPlanner._list_headings) must be one surely: tried on
# 30 headings of the stored reports and common variants, list headings came out at 0.9 or more
# ("Where things went well", "Next steps"), other headings given a list kind at 0.58 or less
# ("Planning", "Protecting the public"); "Areas for development" (0.53) is missed.
LIST_HEADING_SURE = 0.8
# A fact intent this unsure is none: the words of "when inspectors came back in 2016" pull
# "Who was the YOS manager …?" towards the lead inspector's exemplars (0.32). Set on the tune
# sets: 0.35 +2 top citations and no loss; 0.4 +3 -1; 0.45 +3 -2.
FACT_MIN_PROBABILITY = 0.35
# A fact is read only from a question phrased like one of its exemplars: "Who's in charge of
# the YJS board?" read as the service manager (0.41), "Who was the seconded CAMHS worker?" as
# well (0.55). Chosen on the tune sets: 0.5-0.58 gained 2-3 top citations and lost none; 0.6
# and over lost right answers read at 0.58-0.61.
FACT_MIN_SIMILARITY = 0.56
# A question read as about the stored reports themselves this unsurely is about what they say:
# "In the Wexcaster education thematic, which area had set up job tasters?" (0.33) and "What was
# Ottercliffe's rate of first-time entrants in 2019?" (0.30) were answered with report metadata;
# the tune sets' true collection questions were read at 0.46 or more. Raised from 0.35 at stop
# 44: a fact asked "according to the latest inspection" was read at 0.35 and 0.42 (tuning
# snapshot: 2 gains, 0 losses); such a reading is then read among the other intents (`_read`).
COLLECTION_MIN_PROBABILITY = 0.45
# A question read as about the stored reports that cannot be is read among the other intents;
# that reading is taken only when it is phrased like its exemplars. Few questions reach this
# (none of the 651 tune questions changed); the dates asked of an area's latest report read
# 0.89-0.92, the other readings tried 0.43-0.83 ("When was Kestrel Vale first inspected?" as
# the fieldwork dates at 0.83, "What is the most recent Northfield report?" as its
# publication date at 0.75). Not fitted: set between them.
REREAD_MIN_SIMILARITY = 0.85
# The overall grade is one of a report's many grades: read at under 0.45 it is more likely a
# standard's ("What grade did Saltby get for its diversionary, non-court work?" came out 0.39;
# the tune sets' true overall-grade questions were read at 0.62 or more).
OVERALL_MIN_PROBABILITY = 0.45
# A list, grades or overall-picture intent whose question is this far from every exemplar of
# its label is none. On the tune sets' 80 questions read as lists, the four below 0.4 (0.28-0.37)
# were all topic, comparison or change questions, and the lowest true list question was at 0.43
# ("What is Ravensgarth good at?"); of those read as grades or the overall picture, the three
# below 0.4 were a follow-up about a person and two factual questions.
KIND_MIN_SIMILARITY = 0.4
# A topic asked about ("What did the 2022 report say about knife crime?") that the targeted
# reports never print a word of, and that no paragraph of theirs is this close to in meaning, is
# not in them. On the tune sets' 28 questions asking what a report said about a topic, the
# unanswerable ones with a word no targeted report prints came out 0.26-0.45 (knife crime,
# gambling, county lines, radicalisation, electronic tagging) and none of the answerable ones
# had such a word; 0.47 leaves a margin over the highest.
TOPIC_MIN_SIMILARITY = 0.47
# A topic as close as this to a heading of a targeted report is what that part is about, in
# other words ("keeping the public safe" for "Protecting the public": 0.87), whatever word of it
# no report prints. On the tuning questions the topic check would abstain on (42), the two such
# paraphrases read 0.87 and every other topic at most 0.50 (radicalisation against "Keeping
# children safe"): set between them.
HEADING_TOPIC_MIN_SIMILARITY = 0.7
TERSE_WORDS = 8  # a script's keyword question is short
ACRONYM_MAX = 5  # letters: a keyword this short may be initials ("ooc", "oocd")
KNOWN_LIST_HEADINGS = frozenset(h for names in LIST_SECTIONS.values() for h in names)
TYPE_WORDS = [(key, Cue(TYPE_BY_KEY[key].in_question)) for key in QUESTION_TYPE_ORDER]
UNKNOWN_PLACE = re.compile(r"\b(?:in|for|at|of|about)\s+([A-Z][a-z]+(?:[ -][A-Z][a-z]+)*)")


# An exact identifier in a question: a number of three or more digits that is not a year
# ("team 4321", "1,460 hours"), or a code mixing letters and digits ("B12", "YOS-2"). The
# answer must print it as written: a near miss ("team 4319") is another team.
IDENTIFIER = re.compile(
    r"(?<![\w.,/-])(?:\d{1,3}(?:,\d{3})+|\d{3,}|[A-Za-z]+-?\d+[A-Za-z0-9]*|\d+[A-Za-z]+\d[A-Za-z0-9]*)"
    r"(?![\w,/-])"
)
ORDINAL_ENDINGS = ("st", "nd", "rd", "th")  # "2nd", "4th": an ordinal, no identifier


def identifiers(question: str) -> list[str]:
    """The exact identifiers a question names (not years, ordinals or paragraph numbers), and
    the financial years ("custody in 2019-20": a report giving 2018-19's figure does not
    answer)."""
    out = year_spans(question)
    for m in IDENTIFIER.finditer(question):
        token = m.group(0)
        if is_year(token) or _ordinal(token) or _number_plural(token):
            continue
        out.append(token)
    return list(dict.fromkeys(out))


def _number_plural(token: str) -> bool:
    """ "over-16s", "under-18s": a number made plural names a group (of ages), which reports
    write in words ("aged 16 or over"); no code that must be printed as it is."""
    head, ending = token[:-1], token[-1:]
    words_before = head.rstrip("0123456789")
    return ending in "sS" and head[-1:].isdigit() and not any(c.isdigit() for c in words_before)


def _ordinal(token: str) -> bool:
    """ "2nd", "21ST": digits and an ordinal's ending."""
    digits, ending = token[:-2], token[-2:].lower()
    return digits.isascii() and digits.isdigit() and ending in ORDINAL_ENDINGS


def prints_identifier(text: str, identifier: str) -> bool:
    """Is `identifier` printed in `text` as a whole token (any case; a financial year with
    any of its dashes)? A comma may follow it, but not a comma and digits ("1,460")."""
    spelt = spellings_of_year_span(identifier) if year_spans(identifier) else [identifier]
    return any(
        re.search(rf"(?<![\w.,/-]){re.escape(one)}(?![\w/-]|,\d)", text, re.I) is not None
        for one in spelt
    )


@dataclass
class Side:
    label: str
    report_ids: list[str] | None  # None: every stored report
    # a name the side's paragraphs print, where sides share a report (two services of one
    # thematic): the side searches the paragraphs that print it
    focus: str | None = None
    # one of two things a question offers as alternatives in one report ("which was quicker to
    # get: mental health help or drug and alcohol support?"): the question as asked of it
    query: str | None = None


@dataclass
class Plan:
    question: str
    search_text: str
    sides: list[Side]
    comparison: bool = False
    list_sections: tuple[str, ...] = ()
    quantity: bool = False
    money: bool = False  # a sum of money asked for: the answer prints one ("£1.4 million")
    yes_no: bool = False
    abstain: Abstention | None = None  # set when the reports cannot answer: nothing is retrieved
    wants: str | None = None  # "date" or "person": the answer sentence must print one
    enumerate: bool = False  # "Which standards were rated Outstanding?": cite every match
    summary: bool = False  # "What did … say about MAPPA?": cite each paragraph on it
    wants_actions: bool = False  # "What did inspectors want done?": recommendations first
    role: str = ""  # "Who is the parenting worker at …?": the role the person asked for holds
    overall: bool = False  # "overall verdict": summaries rather than detailed findings
    areas: list[str] = field(default_factory=list)
    inherited: bool = False
    # a follow-up searched with the earlier question ("At what level were they managed?"): what
    # it asks of its own, which the answer must print
    own_ask: str = ""
    # "What did Ofsted say about …?": the speaker's stems, which an answering passage names
    speaker: list[str] = field(default_factory=list)
    scope: list[str] | None = None  # every report the filters allow
    identifiers: list[str] = field(default_factory=list)  # must be printed as written
    intent: Intent = field(default_factory=Intent)  # what it is about, by meaning
    list_kind: str | None = None  # "strength" | "improvement" | "recommendation"
    # the list is named ("the key strengths") or the intent is sure of it: no evidence needed
    list_sure: bool = True
    fact: str | None = None  # a FACT_SUBJECTS subject the question asks for
    rating: bool = False  # asks for grades given to standards or themes
    collection: str | None = None  # about the stored reports themselves (Intent.collection)
    # what "those" counts in "and how many of those …?": the earlier question's counted words
    whole_before: list[str] = field(default_factory=list)

    @property
    def lexical_text(self) -> str:
        """The words that pick paragraphs: the question without the areas and years that
        already picked the reports."""
        text = self.search_text
        if any(s.report_ids is not None for s in self.sides):
            for area in self.areas:
                text = re.sub(rf"\b{re.escape(area)}(?:['’]s)?\b", " ", text, flags=re.I)
            # the reports compared, named, picked the sides' reports; of one report, the words
            # that name it by its year
            compared = self.comparison and len(self.report_ids or ()) > 1
            text = YEAR.sub(" ", _report_names_out(text, dated_only=not compared))
        return text

    @property
    def report_ids(self) -> list[str] | None:
        if any(s.report_ids is None for s in self.sides):
            return None
        return sorted({r for s in self.sides for r in s.report_ids or []})


def asks_why(plan: Plan) -> bool:
    """ "Why?", "why so low?": the question (its own words, in a follow-up) asks for reasons."""
    return _why(plan.own_ask or plan.question)


def _why(question: str) -> bool:
    """Does the question ask for reasons ("Why so low?", "And why was that?")?"""
    ws = words(question)
    return ws[_past_openers(ws) :][:1] == ["why"]


def _report_names_out(text: str, dated_only: bool) -> str:
    """`text` without the words that name reports (REPORT_NAMES); with `dated_only`, only
    those naming a report by its year ("the 2016 Cranmoor SQS letter", "before the 2021
    visit"): the year picked the report, and the words pick no paragraph ("this letter" in a
    closing paragraph). Undated ("Who wrote the Thurrock letter?"), the report's name may be
    what is asked about."""
    pieces = _pieces(text)
    out: list[str] = []
    for n, (a, b) in enumerate(pieces):
        named = text[a:b].lower() in REPORT_NAMES
        if named and dated_only:
            before = [text[x:y] for x, y in pieces[max(0, n - 6) : n] if text[x:y].strip()]
            named = any(YEAR.fullmatch(w) for w in before[-3:])
        if named:
            # "the two reports": the count is part of the naming
            last = next((m for m in range(n - 1, -1, -1) if out[m].strip()), None)
            if last is not None and out[last].lower() in REPORT_COUNTS:
                out[last] = " "
        out.append(" " if named else text[a:b])
    return "".join(out)


def _whole_counted_before(question: str, history: list[str] | None, corpus: Corpus) -> list[str]:
    """ "And how many of those were assessed well?" after "How many out-of-court cases did they
    inspect?": the count is of a part of the out-of-court cases, so the words the earlier
    question counted ("out-of-court", "cases"); none when the question counts something of
    its own or points back at nothing."""
    if not history:
        return []
    ws = words(question)
    pointing = any(
        end < len(ws) and ws[end] in POINTS_BACK_WORDS for _, end in COUNTED_AFTER.spans(ws)
    )
    if not pointing:
        return []
    for earlier in reversed(history):
        counted = counted_words(earlier, corpus.place_words)
        if counted:
            return counted
    return []


def _pieces(text: str) -> list[tuple[int, int]]:
    """`text` cut into its words and what lies between them, in order (spans)."""
    out, at = [], 0
    for a, b in word_spans(text):
        if a > at:
            out.append((at, a))
        out.append((a, b))
        at = b
    if at < len(text):
        out.append((at, len(text)))
    return out


# A list intent read from a question whose form asks for a person, a date or what was said on
# a topic must be at least this probable (the questions' own words did not name a list).
LIST_FORM_SURE = 0.6
SPAN_STARTS = frozenset({"since", "from", "after"})  # a time span from a year on
TITLE_JOINERS = frozenset({"and", "on", "of", "for"})  # inside a report's title
NAMING = frozenset({"the", "this", "that", "its", "their", "our", "a"})  # "the … thematic"
SUBJECT_WORDS = 6  # words in front of a kind's name that may name a report's subject


def _by_subject(q: str, kind: str, pool: list[str], corpus: Corpus) -> list[str]:
    """Of several reports of the kind a question names, the one whose title carries the words
    in front of that name ("the remand thematic", "the speech, language and communication
    thematic", "the ETE thematic": acronyms read in full on both sides); all of them when no
    title or more than one does equally."""
    ws = words(q)
    spans = dict(TYPE_WORDS)[kind].spans(ws)
    if not spans:
        return pool
    start = spans[0][0]
    subject = _spelled(" ".join(ws[max(0, start - SUBJECT_WORDS) : start]), corpus)
    subject -= {t for a in corpus.areas for t in content_terms(a)}
    if not subject:
        return pool
    scores = {
        rid: sum(
            corpus.idf(t)
            for t in subject & _spelled(corpus.reports[rid].get("title") or "", corpus)
        )
        for rid in pool
    }
    best = max(scores.values())
    chosen = [rid for rid in pool if scores[rid] == best]
    return chosen if best > 0 and len(chosen) == 1 else pool


def _spelled(text: str, corpus: Corpus) -> set[str]:
    """The content terms of `text` with each acronym it uses also read in full."""
    return set(content_terms(f"{text} {expansions_in(text, corpus.acronyms)}"))


class QuestionPlanner:
    """One public method: `plan(question, history, filters, corpus) -> Plan`. With an
    `IntentClassifier`, what a question is about (a list, ratings, one fact, the overall verdict)
    is read by meaning; without one, only a list heading named in the question is recognised."""

    def __init__(self, intents: IntentClassifier | None = None):
        self.intents = intents
        self._lock = threading.Lock()
        self._heading_kinds: dict[str, str | None] = {}  # a heading's list kind, once read
        self._heading_vectors: dict[str, np.ndarray] = {}  # a heading's embedding, once made

    def plan(
        self,
        question: str,
        history: list[str] | None,
        filters: dict | None,
        corpus: Corpus,
    ) -> Plan:
        plan = self._planned(question, history, filters, corpus)
        plan.whole_before = _whole_counted_before(question, history, corpus)
        if not (plan.abstain or plan.inherited or plan.comparison) and plan.report_ids:
            targets = plan.report_ids
            areas = {corpus.reports[r].get("area") for r in targets} - {None}
            scope = [r for r in plan.scope or [] if corpus.reports[r].get("area") in areas]
            name = _name_of_other_reports(without_asker(question.strip()), corpus, targets, scope)
            if name is not None and RELATIVE_TO_REPORT.search(question):
                # "Was Marcus Feeney appointed before or after the 2016 screening?": the
                # screening is when; the area's other reports tell of him
                plan.sides = [Side(plan.sides[0].label, scope)]
            elif name is not None:
                # "how many kids were at Wetherby in 2023?": the place is printed only in
                # the 2016 letter; the report asked about does not tell of it
                plan.abstain = Abstention(
                    AbstainReason.NAME_NOT_PRINTED,
                    f"{', '.join(corpus.label(r) for r in targets)} "
                    f"{'does' if len(targets) == 1 else 'do'} not mention '{name}' "
                    "(another stored report of the area does).",
                )
        return plan

    def _planned(
        self,
        question: str,
        history: list[str] | None,
        filters: dict | None,
        corpus: Corpus,
    ) -> Plan:
        # a word no report prints is read as the printed word it misspells ("recomendations",
        # "Kindlmere"): the question is planned, searched and answered as meant
        question = corpus.respelled(question)
        history = [corpus.respelled(h) for h in history] if history else history
        base = _filtered(corpus, filters or {})
        if not base:
            return Plan(
                question,
                question,
                [],
                abstain=Abstention(
                    AbstainReason.NO_REPORT_MATCHES_FILTERS, "No stored report matches the filters."
                ),
                scope=[],
            )
        plan = self._plan_one(question, corpus, base)
        if (
            not history
            and not plan.abstain
            and (
                NEXT_REPORT.search(question)
                or (
                    plan.wants == "date"
                    and FUTURE_ASK.search(question)
                    and REPORT_NOUNS.search(question)
                )
            )
            and not UNTIL_NEXT.search(question)
        ):
            to_come = self._still_to_come(question, plan, corpus)
            if to_come is not None:
                plan.abstain = to_come
                plan.scope = base
                return plan
        elliptic = self._elliptic(question, history, corpus, plan)
        if elliptic is not None:
            # "And in 2016?", "What about Kestrel Vale?": the earlier question, asked of the
            # area or year named now (the earlier area or year it replaces taken out)
            if plan.areas and corpus.areas:
                elliptic = corpus.area_pattern.sub(" ", elliptic)
            if years_in(question):
                elliptic = YEAR.sub(" ", elliptic)
            plan = self._plan_one(f"{question} {' '.join(elliptic.split())}", corpus, base)
            plan.inherited = True
            plan.scope = base
            return self._read_intent(plan, corpus)
        if (
            history
            and not plan.areas
            and years_in(question)
            and not plan.abstain
            and not (filters or {}).get("report_ids")
        ):
            # "…and what was the position by the 2022 inspection?" after a question about
            # Haverleigh in 2017: the new year, of the area asked about (and, when the question
            # points back, "then", the earlier year too: a change over time)
            for earlier in reversed(history):
                prior = self._plan_one(earlier, corpus, base)
                # the area asked about before: named, or (asked with an area filter) the one
                # its reports are about
                name = prior.areas[0] if len(prior.areas) == 1 else None
                if not prior.areas:
                    name = _one_area(prior.report_ids or [], corpus)
                if prior.abstain or not name:
                    continue
                then = " ".join(years_in(earlier)) if THEN.search(question) else ""
                plan = self._plan_one(
                    f"{question} ({' '.join([name, then]).strip()})", corpus, base
                )
                plan.inherited = True
                if follows_up(question, corpus):
                    # "Did it survive to the 2024 inspection?": what "it" is, the earlier
                    # question says; searched with it (its own year left out)
                    plan.search_text = f"{plan.search_text} {YEAR.sub(' ', earlier)}"
                    plan.own_ask = question
                plan.scope = base
                return self._read_intent(plan, corpus)
        if (
            history
            and not plan.areas
            and not years_in(question)
            and not (filters or {}).get("report_ids")
        ):
            for earlier in reversed(history):
                prior = self._plan_one(earlier, corpus, base)
                if not (prior.areas or years_in(earlier)) or prior.abstain:
                    continue
                pool = prior.report_ids
                # the area asked about before: named, or (asked with an area filter) the one
                # its reports are about
                home = prior.areas[0].lower() if len(prior.areas) == 1 else None
                if not prior.areas and pool:
                    home = _one_area(pool, corpus)
                if pool is not None and home:
                    area_reports = sorted(
                        corpus.areas.get(home, []),
                        key=lambda r: corpus.reports[r].get("year") or 0,
                    )
                    area_reports = [r for r in area_reports if r in base]
                    years = [corpus.reports[r].get("year") or 0 for r in pool]
                    if NEXT.search(question):
                        pool = [
                            r
                            for r in area_reports
                            if (corpus.reports[r].get("year") or 0) > max(years)
                        ][:1] or pool
                    elif PREVIOUS.search(question) or LAST_TIME.search(question):
                        earlier_ones = [
                            r
                            for r in area_reports
                            if (corpus.reports[r].get("year") or 0) < min(years)
                        ]
                        # "Was it any better than last time?": the one before beside it
                        pool = (
                            sorted(
                                {*pool, *earlier_ones[-1:]},
                                key=lambda r: (corpus.reports[r].get("year") or 0, r),
                            )
                            if CHANGE.search(question)
                            else earlier_ones[-1:] or pool
                        )
                    elif (
                        NOW.search(question) or CHANGE.search(question) or LATEST.search(question)
                    ) and area_reports:
                        # "Is that still a problem there now?", "Is it still running?", "And
                        # in the latest inspection?": the newest report, set beside the one
                        # asked about before when the question asks about a change
                        newest = area_reports[-1]
                        pool = sorted(
                            {*pool, newest} if CHANGE.search(question) else {newest},
                            key=lambda r: (corpus.reports[r].get("year") or 0, r),
                        )
                # "And two years later?", "Was it the same at the next inspection?": nothing
                # asked of its own, so the earlier question is asked of the report it picks
                # "And for court disposals?": the earlier question, of what the phrase names
                swapped = substituted(question, earlier, corpus)
                asked = (
                    swapped
                    if swapped is not None
                    else question
                    if _own_terms(question, corpus)
                    else (f"{question} {_strip_known(earlier, corpus)}")
                )
                inherited = self._plan_one(asked, corpus, pool if pool is not None else base)
                inherited.inherited = True
                inherited.areas = prior.areas
                only = inherited.sides[0].report_ids if len(inherited.sides) == 1 else None
                if CHANGE.search(question) and only and len(only) >= 2:
                    # "Is it still running?", "Has that got better since?": the report asked
                    # about before beside the newest, which answers, so it leads
                    ordered = sorted(
                        only,
                        key=lambda r: corpus.reports[r].get("year") or 0,
                        reverse=_newest_answers(question),
                    )
                    inherited.sides = [Side(corpus.label(r), [r]) for r in ordered]
                    inherited.comparison = True
                if (
                    follows_up(question, corpus) or is_fragment(question) or _why(question)
                ) and swapped is None:
                    # ("And what about reviewing?" after a question about a grade: the grade,
                    # of what it names; "Why so low?" after one: the reasons for it, whatever
                    # words of judgement it asks in)
                    inherited.search_text = f"{question} {earlier}"
                    inherited.own_ask = question
                inherited.scope = base
                return self._read_intent(inherited, corpus)
        plan.scope = base
        return self._read_intent(plan, corpus)

    @staticmethod
    def _still_to_come(question: str, plan: Plan, corpus: Corpus) -> Abstention | None:
        """ "When is the next full inspection of Brindlecombe booked in for?", asked with no
        conversation before it and no year: the inspection after the newest stored, which no
        stored report tells of."""
        if years_in(question) or not plan.report_ids:
            return None
        areas = {corpus.reports[r].get("area") for r in plan.report_ids}
        if len(areas) != 1 or None in areas:
            return None
        newest = max(corpus.reports[r].get("year") or 0 for r in plan.report_ids)
        return Abstention(
            AbstainReason.NO_REPORT_FOR_TIME,
            f"No stored report covers {areas.pop()} after {newest}: the reports cannot tell "
            "of an inspection still to come.",
        )

    @staticmethod
    def _elliptic(
        question: str, history: list[str] | None, corpus: Corpus, plan: Plan
    ) -> str | None:
        """The earlier question whose ask a follow-up repeats for another area or year: the
        follow-up names an area or year and nothing else of its own."""
        if not history or plan.abstain or not (plan.areas or years_in(question)):
            return None
        if _own_terms(question, corpus):
            return None
        return next((q for q in reversed(history) if _own_terms(q, corpus)), None)

    def _plan_one(self, question: str, corpus: Corpus, base: list[str]) -> Plan:
        q = _what_is_requested(question.strip())
        plan = Plan(question=q, search_text=q, sides=[Side("all reports", base)])
        # what is asked, without the sentences that tell of the asker ("I'm writing a piece for
        # the Corvenham Courier.", "My daughter keeps getting a different worker."): a name
        # there is not asked about, and they do not pick the reports, a comparison or the form
        # of the answer; their years do when the ask names none ("I was at the 2014 visit.
        # What did the letter say?")
        whole = q
        ask = without_asker(q)
        if ask != q and (years_in(ask) or not years_in(q)):
            q = ask
        # a sum of money: a budget asked for outright, or money used asked "how much"
        plan.money = (
            BUDGET.search(q)
            # asked outright, or tersely ("fallowmere yjs 2024 annual budget"), or its size
            # ("How big was the budget in 2017?")
            and (
                BUDGET_ASK.opens(q)
                or not (WH.opens(q) or YES_NO.opens(q, clauses=True))
                or QUANTITY.search(q)
            )
        ) or (HOW_MUCH.search(q) and MONEY.search(q))
        # (a percent sign standing for the word: "court vs out-of-court %" asks for shares)
        plan.quantity = QUANTITY.search(q) or plan.money or "%" in q
        plan.yes_no = YES_NO.opens(q, clauses=True) and not WH.opens(q)
        wants_person = WHO.opens(q) or WHO_ANYWHERE.search(q) or NAME_BY_PRONOUN.search(q)
        plan.wants = "date" if WHEN.opens(q) else "person" if wants_person else None
        plan.enumerate = ENUMERATE.opens(q) and not _one_which(q)
        plan.summary = SUMMARY_ASK.search(q) and not plan.quantity and plan.wants is None
        plan.role = role_asked(q, corpus.place_words, corpus.lower_words)
        if plan.role and plan.wants is None and set(plan.role.split()) & PERSON_NOUNS:
            # "What's the name of the speech and language therapist?" (not "… of the centre")
            plan.wants = "person"
        elif plan.role and plan.wants is None:
            # "What's the name of the scheme kids go on after a caution?" asks for a thing's
            # name, told in the asker's words: no role whose holder a passage must name
            plan.role = ""
        plan.wants_actions = ACTIONS_ASK.search(q)
        plan.speaker = speaker_asked(q, corpus.place_words)
        lower = whole.lower()
        areas = corpus.areas_in(lower)
        # a longer area name wins over one inside it ("North Vale" over "Vale")
        areas = [a for a in areas if not any(a != b and a in b for b in areas)]
        areas.sort(key=lambda a: lower.find(a))
        plan.areas = [corpus.reports[corpus.areas[a][0]]["area"] for a in areas]
        if plan.wants == "person" and len(areas) >= 2 and ALTERNATIVES.search(q):
            # "Whose late referral was more overdue: Lowmere or Corrindale?", "Who did better,
            # A or B?": which of the areas, not a person
            plan.wants = None

        unknown = self._unknown_names(whole, corpus, areas, base, ask=ask)
        if unknown:
            plan.abstain = Abstention(AbstainReason.NAME_NOT_PRINTED, unknown)
            return plan
        plan.identifiers = identifiers(whole)
        scope = [r for a in areas for r in corpus.areas.get(a, []) if r in base] or base
        # an acronym the reports print only spelled out ("our SALT provision": "speech and
        # language therapist") is searched by the words that spell it
        spelled = _spelled_acronyms(ask, corpus, scope)
        if spelled:
            plan.search_text = f"{plan.search_text} {' '.join(spelled)}"
        for ident in plan.identifiers:
            # only reports whose vocabulary has every part of it can print it: scan those
            # (a financial year's first year or its last: "2011/12" may be printed "2011/2012"
            # or "the year to 31 March 2012")
            maybe = [
                r
                for r in scope
                if (
                    any(
                        w in corpus.vocab.get(r, ())
                        for w in words(ident)[:1] + [str(int(ident[:4]) + 1)]
                    )
                    if year_spans(ident)
                    else all(w in corpus.vocab.get(r, ()) for w in words(ident))
                )
            ]
            if not any(
                prints_identifier(corpus.texts[i], ident)
                for rid in maybe
                for i in corpus.by_report.get(rid, [])
            ):
                plan.abstain = Abstention(
                    AbstainReason.NAME_NOT_PRINTED,
                    f"The reports searched do not mention '{ident}'.",
                )
                return plan

        # "Before the 2016 inspection, what had inspectors said…" picks earlier reports; "trained
        # before the 2016 inspection" is about what the 2016 report says.
        before = _year_bound(q, BEFORE_YEAR)
        after = _year_bound(q, AFTER_YEAR)
        kind = kind_named(q, corpus)

        def year_of(rid: str) -> int:
            return corpus.reports[rid].get("year") or 0

        spanned: list[int] = []  # the year a change is asked up to or from ("by 2022")
        told: list[str] = []  # a year no report is dated, told of in later reports

        def side_reports(area: str | None, years: list[int]) -> tuple[list[str], bool]:
            """The area's reports for this side, and whether a year asked for has no report."""
            pool = [r for r in base if area is None or r in corpus.areas.get(area, [])]
            if before:
                pool = [r for r in pool if year_of(r) < before]
            elif after:
                pool = [r for r in pool if year_of(r) > after]
            elif years:
                # a report whose date its text does not print may be that year's: it is
                # searched, not ruled out
                dated = [r for r in pool if year_of(r) in years] or [
                    r for r in pool if not year_of(r)
                ]
                if not dated and all(_soft_year(q, y) for y in years):
                    # "since 2019", "by 2015": a time in the text, not a report; a span that
                    # opens in a year is told of by reports from then on ("how much has
                    # reoffending dropped since 2019?": not a 2016 letter)
                    opens = [y for y in years if _year_opens_span(q, y)]
                    dated = [
                        r for r in pool if not year_of(r) or all(year_of(r) >= y for y in opens)
                    ] or pool
                elif not dated and not REPORT_NOUNS.search(q):
                    # "children who finished a caution in 2023": no 2023 report, but a later
                    # one tells of that year; the passage quoted must print it
                    dated = [
                        r
                        for r in pool
                        if all(year_of(r) >= y and _tells_of(q, str(y), r, corpus) for y in years)
                    ]
                    told.extend(str(y) for y in years if dated)
                elif (
                    (area or _one_area(pool, corpus))
                    and len(years) == 1
                    and _soft_year(q, years[0])
                    and CHANGE.search(q)
                ):
                    # "…and had it improved by 2022?": that year's report and the one before;
                    # "…since 2017?": that year's and the one after
                    year = years[0]
                    ahead = _year_opens_span(q, year)
                    near = [
                        r for r in pool if (year_of(r) >= year if ahead else year_of(r) <= year)
                    ]
                    near.sort(key=lambda r: (year_of(r), r))
                    dated = (near[:2] if ahead else near[-2:]) or dated
                    spanned.append(year)
                pool = dated
            if kind and COMPARE.search(q) and years and len(areas) <= 1:
                # "2016 … compared with the full joint inspection": both inspections
                area_pool = [r for r in base if area is None or r in corpus.areas.get(area, [])]
                pool = sorted(
                    set(pool)
                    | {r for r in area_pool if corpus.reports[r].get("inspection_type") == kind}
                )
            elif (
                kind
                and len(pool) > 1
                and not years
                and _asks_change(q)
                and sum(w in REPORT_NAMES or w in KIND_NAMES for w in words(q)) >= 2
            ):
                # "What's changed between the screening and the rated inspection?": the kind
                # names one report, the other report word the other: the area's reports, side
                # by side
                pass
            elif kind and len(pool) > 1:
                typed = [r for r in pool if corpus.reports[r].get("inspection_type") == kind]
                # a year named picks its report whatever the kind word says ("speech and
                # language screening in 2017, and by 2022?": the 2022 inspection too)
                typed += [
                    r
                    for r in pool
                    if years and r not in typed and not any(year_of(t) == year_of(r) for t in typed)
                ]
                if typed and _kind_opens_span(q, corpus):
                    # "Has our reoffending rate come down since the joint inspection?": that
                    # report and the newest after it
                    after_it = [r for r in pool if year_of(r) > max(map(year_of, typed))]
                    typed = sorted({*typed, *after_it[-1:]}, key=lambda r: (year_of(r), r))
                pool = typed or pool
                if area is None and len(pool) > 1:
                    pool = _by_subject(q, kind, pool, corpus)
            pool.sort(key=lambda r: (year_of(r), r))
            # no area named: the area of the reports for the year, when they are of one
            # ("… now than at the 2018 visit?" asked with an area filter)
            home = area or _one_area(pool, corpus)
            newest = (
                max(
                    (r for r in corpus.areas.get(home or "", []) if r in base),
                    key=lambda r: (year_of(r), r),
                    default=None,
                )
                # (a report named by its kind: when a change is asked, or who held a post
                # then and now: "at the time of the screening letter, and who is it now?")
                if pool
                and (years or (kind and (_asks_change(q) or plan.wants == "person")))
                and NOW.search(q)
                else None
            )
            if newest and year_of(newest) > max(years or map(year_of, pool)):
                # "at the 2016 screening, and who chairs it now?", "How does planning now
                # compare with what the SQS found?": that report and the newest
                pool = [*pool, newest] if newest not in pool else pool
                spanned.extend(years or [year_of(pool[0])])
            if len(pool) == 1 and (years or kind) and PUT_RIGHT.search(q):
                # "Has Penwarden fixed the contingency planning problem from 2016?": whether a
                # finding of the report named was put right is told by the area's next report
                later = [
                    r
                    for r in corpus.areas.get(home or "", [])
                    if r in base and year_of(r) > year_of(pool[0])
                ]
                if later:
                    return [min(later, key=lambda r: (year_of(r), r))], False
            if not _asks_change(q) and pool and not (spanned and (years or kind)):
                if LATEST.search(q):
                    pool = [pool[-1]]
                elif PREVIOUS.search(q) and len(pool) >= 2:
                    pool = [pool[-2]]
                elif FIRST.search(q):
                    pool = [pool[0]]
            return pool, not pool

        years_all = [int(y) for y in years_in(q)]
        if (
            not areas
            and not years_all
            and not before
            and not after
            and not kind
            and not LATEST.search(q)
            and not FIRST.search(q)
        ):
            # no area, year or kind: a name only a few reports print ("Greyhaven" in a thematic
            # of four services, a person, a college) picks those reports
            named, names = _reports_naming(q, corpus, base)
            if named:
                label = corpus.label(named[0]) if len(named) == 1 else "the reports naming it"
                plan.sides = [Side(label, named)]
                if (
                    len(named) == 1
                    and len(names) >= 2
                    and (COMPARE.search(q) or ALTERNATIVES.search(q))
                ):
                    # "Compare how Greyhaven and Oakhollow did…": a side for each, one report
                    plan.sides = [Side(name, named, focus=stem(name.lower())) for name in names]
                    plan.comparison = True
            elif (
                plan.wants != "date"
                and _asks_change(q)
                and _compares_reports(q)
                and len(base) >= 2
                and _one_area(base, corpus)
            ):
                # "How did work with victims compare between the two inspections?" asked with
                # an area filter: each of the area's reports is a side, as when it is named;
                # a change word alone ("better at assessing X or Y") may set two things of one
                # report side by side: the question must name reports or a time
                ordered = sorted(base, key=lambda r: (year_of(r), r))
                if _newest_answers(q):
                    ordered.reverse()  # whether it goes on, or got better: the newest answers
                plan.sides = [Side(corpus.label(r), [r]) for r in ordered]
                plan.comparison = True
            return plan
        sides: list[Side] = []
        for n, area in enumerate(areas or [None]):
            years = _years_near(q, areas, n) if len(areas) > 1 else years_all
            pool, missing = side_reports(area, years)
            if area is not None and len(areas) == 1 and not years:
                # an area named beside names only another report prints with it ("Across
                # Pellworth, Brindlecombe and Oxmead…": a thematic of the three) asks that report
                named, _ = _reports_naming(q, corpus, base)
                if named and not set(named) & set(corpus.areas.get(area, [])):
                    pool, missing = sorted(named, key=lambda r: (year_of(r), r)), False
            if area is None and pool:
                # no area, but a name only a few reports print ("Pellworth's council … in
                # 2022-23", a place inside a thematic): those of the reports for the time; or,
                # when none of those prints it, later reports that do tell of that year ("How
                # many went through Lodestar in 2021?": a 2022 report; no 2021 report names it)
                named, _ = _reports_naming(q, corpus, base)
                inside = [r for r in pool if r in (named or ())]
                if inside:
                    pool = inside
                elif (
                    named
                    and years
                    and not REPORT_NOUNS.search(q)
                    and all(year_of(r) >= max(years) for r in named)
                ):
                    pool = sorted(named, key=lambda r: (year_of(r), r))
                    told.extend(str(y) for y in years)
                elif len(set(years)) >= 2:
                    # "How has staffing changed between the 2016 and 2025 visits?": the areas
                    # visited in each year named, when some were
                    pool = _visited_each_year(pool, years, corpus) or pool
            name = corpus.reports[corpus.areas[area][0]]["area"] if area else "the stored reports"
            if (
                missing
                and area is not None
                and corpus.areas.get(area)
                and not any(r in base for r in corpus.areas[area])
            ):
                plan.abstain = Abstention(
                    AbstainReason.NO_REPORT_MATCHES_FILTERS,
                    f"No report about {name} matches the filters.",
                )
                return plan
            if missing:
                stored = sorted(
                    {year_of(r) for r in base if area is None or r in corpus.areas.get(area, [])}
                    - {0}
                )
                when = _describe_time(q, years, before, after)
                # an area filter names what the question does not ("And in 2014?" of your area)
                filtered = {corpus.reports[r].get("area") for r in base}
                where = name if area or len(filtered) != 1 or None in filtered else filtered.pop()
                plan.abstain = Abstention(
                    AbstainReason.NO_REPORT_FOR_TIME,
                    f"No stored report covers {where}{when}"
                    + (f" (stored: {', '.join(map(str, stored))})." if stored else "."),
                )
                return plan
            sides.append(Side(name, pool))
        plan.sides = sides
        plan.identifiers = list(dict.fromkeys([*plan.identifiers, *told]))
        if len(sides) >= 2:
            plan.comparison = True
        elif (
            len(sides) == 1
            and len(sides[0].report_ids or []) >= 2
            # "When did the YOT change its name?" asks for one date, not two reports' findings
            and (plan.wants != "date" or len(years_all) >= 2)
            and (_asks_change(q) or len(years_all) >= 2 or spanned)
        ):
            plan.comparison = True
            # the year named leads: what was found then, and what came before or after; else
            # for whether something goes on ("still") or got better, the newest, which answers
            ordered = sorted(sides[0].report_ids or [], key=lambda r: year_of(r) not in spanned)
            if not spanned and _newest_answers(q):
                ordered.reverse()
            plan.sides = [Side(corpus.label(r), [r]) for r in ordered]
        if (
            not plan.comparison
            and len(plan.sides) == 1
            and len(plan.sides[0].report_ids or []) == 1
        ):
            asked = alternatives_asked(q)
            if asked:
                # "which came quicker: mental health help or drug and alcohol help?": each
                # alternative is a side of the one report, searched as the question asks it
                report = plan.sides[0].report_ids
                plan.sides = [Side(label, report, query=text) for label, text in asked]
                plan.comparison = True
        return plan

    def _read_intent(self, plan: Plan, corpus: Corpus) -> Plan:
        """What the question is about: a list heading it names (`list_kind_named`), else the
        nearest exemplar questions (`retrieval.intents`), with the areas and years taken out
        (they pick reports, not intents). Read once, for the plan returned: the earlier turns
        of a conversation are planned only for their areas and years. A plan that abstains
        needs none (no model call)."""
        if plan.abstain:
            return plan
        q = plan.question
        named = list_kind_named(q)
        if self.intents is not None:
            # a follow-up that points back ("Had that improved by the next inspection?") means
            # what it says together with the question it follows; one with words of its own
            # ("Who led that inspection?" after a question about ratings) may mean what it says
            # alone: the reading nearer its exemplars
            readings = [plan.search_text] if plan.inherited else [q]
            if plan.inherited and _own_terms(q, corpus):
                readings.append(q)
            # a reading as a fact of the kind the question's form asks for ("Who wrote it?":
            # the signatory, a person) is taken over one that is not, however near the
            # other's exemplars ("Who wrote it? What did the letter say about planning?" read
            # as a topic)
            plan.intent = max(
                (self._read(r, plan, named, corpus) for r in readings),
                key=lambda intent: (
                    bool(plan.wants) and FACT_KINDS.get(intent.fact or "") == plan.wants,
                    intent.similarity,
                ),
            )
        if (
            not named
            and plan.intent.list_kind
            and plan.intent.probability < LIST_FORM_SURE
            and (plan.wants in ("person", "date") or SUMMARY_ASK.search(q))
        ):
            # the question's form asks for something else: a person or a date ("And who did
            # she replace?"), or what was said on a topic ("What did the 2016 inspection say
            # about health?"): a list only when the intent is sure
            plan.intent = Intent(TOPIC, 1.0 - plan.intent.probability, plan.intent.similarity)
        if (
            not named
            and (plan.intent.list_kind or plan.intent.label in ("rating", "summary", PROGRESS))
            and plan.intent.similarity < KIND_MIN_SIMILARITY
        ):
            # phrased like no question for a list, the grades, the overall picture or the
            # progress since an earlier inspection ("What went wrong when the service switched to
            # its new case recording system?"): the regression's pick among labels is no ask
            plan.intent = Intent(TOPIC, 1.0 - plan.intent.probability, plan.intent.similarity)
        if (
            not named
            and plan.intent.list_kind
            and plan.intent.probability < LIST_FORM_SURE
            and any(not list_kind_named(w) for w in counted_words(q, corpus.place_words)[:1])
        ):
            # a count of something no list heading names ("How many volunteers help out on the
            # referral order panels?"): the number of those, not of a list's items
            plan.intent = Intent(TOPIC, 1.0 - plan.intent.probability, plan.intent.similarity)
        if not named and plan.intent.list_kind and any(side.query for side in plan.sides):
            # two alternatives asked of one report ("Which was worse in 2022, our assessment
            # or our reviewing?"): each side is asked for itself, not for a list its words recall
            plan.intent = Intent(TOPIC, 1.0 - plan.intent.probability, plan.intent.similarity)
        if not named and plan.intent.list_kind and _names_a_grade(q):
            # "Which standards did Wickenmoor get 'Requires improvement' for?": a grade named as
            # reports print it asks which standards got it, not for the list its words recall
            plan.intent = Intent("rating", plan.intent.probability, plan.intent.similarity)
        plan.list_kind = named or plan.intent.list_kind
        plan.list_sure = bool(named) or plan.intent.probability >= LIST_FORM_SURE
        if plan.list_kind:
            plan.list_sections = LIST_SECTIONS[plan.list_kind] + self._list_headings(
                plan.list_kind, plan.report_ids, corpus
            )
        targets = plan.report_ids or list(corpus.reports)
        plan.rating = (
            plan.intent.label == "rating"
            or (
                plan.intent.label == TOPIC
                and not named
                # (the verb "rate" asks for a grade when one is named: "Did they rate
                # partnerships as Good?"; else it may be a reoffending rate)
                and (RATING_ASK.search(q) or ("rate" in words(q) and _names_a_grade(q)))
                and any(_has_grades(r, corpus) for r in targets)
            )
            # "What was our score on public protection?" of a joint inspection that scores its
            # themes as percentages, not grades: a theme's score is asked for
            or (
                not named
                and SCORE_ASK.search(q)
                and any(scores_instead_of_grades(r, corpus) for r in targets)
            )
        )
        plan.overall = plan.intent.label == "summary"
        # a fact intent only favours the paragraphs that print that fact (retrieval.hybrid):
        # read from one sentence's meaning, it is a hint, not a requirement on the answer; and
        # not when the question's form asks for another kind of thing (a number, a date, a name)
        # ("Where was the YOT based?" asks for a place: no manager's name or date answers it)
        # (a sum of money is no count: "How much does it spend per child supervised?")
        asked = (
            "money"
            if plan.money
            else "number"
            if plan.quantity
            else "place"
            if WHERE.opens(q)
            else plan.wants
        )
        fact = plan.intent.fact
        if (
            plan.intent.probability < FACT_MIN_PROBABILITY
            or plan.intent.similarity < FACT_MIN_SIMILARITY
        ) or (fact == "overall_rating" and plan.intent.probability < OVERALL_MIN_PROBABILITY):
            fact = None  # "Who was the YOS manager when inspectors came back?" is no lead inspector
        if fact and plan.wants_actions and FACT_KINDS.get(fact) == "person" and not plan.wants:
            fact = None  # "What is the head of service expected to do?" asks for actions
        plan.fact = fact if fact and (asked is None or FACT_KINDS.get(fact) == asked) else None
        if plan.fact and _another_measure(q, plan.fact):
            plan.fact = None
        if plan.fact and _another_post(plan.role, plan.fact, targets, corpus):
            plan.fact = None  # "Who was our deputy head of service?" is no head of service
        if (
            plan.fact == "overall_rating"
            and plan.inherited
            and self._earlier_topic_graded(plan, corpus)
        ):
            # "what grade did it get?" after a question about resettlement: that standard's grade
            plan.fact, plan.rating = None, True
        if plan.fact in ("addressee", "signatory") and set(words(q)) & COPY_LIST:
            # "Who received copies of the letter?", "Who was on the copy list?" ask for the
            # people on its copy list, not the one it is addressed to or from
            plan.fact, plan.wants = None, plan.wants or "person"
        if plan.fact and FACT_KINDS.get(plan.fact) == "number" and _terse(q):
            # a script's keywords naming a counted fact ("quarrowby 2014 screening cases
            # inspected") ask for its number, as "how many" would: a passage printing none
            # ("we examined the cases of children …") is no answer
            plan.quantity = True
        if (
            plan.rating
            and not plan.fact
            and not named
            and not plan.inherited
            and not plan.quantity  # "What was Northfield's first-time entrant rate?"
            and self._asks_the_grade(plan, corpus)
        ):
            # "Ickenthorpe 2023 grade?", "how good is Ickenthorpe's work, going by the 2023
            # inspection?": no standard, grade or plural named: the grade of the service
            plan.fact = OVERALL_RATING
            if _names_a_grade(q):
                # "Was Thornaby YJS rated Good overall?": whether the service's grade is that
                # one, not which standards were given it
                plan.rating = False
        if (
            (plan.fact == OVERALL_RATING or (not plan.fact and _out_of(q)))
            and SCORE_ASK.search(q)
            and self._scored(plan, corpus)
        ):
            # "What score out of 36 did we get?", "overall rating and score": a report that
            # prints its score beside its grade answers with the score (the embedding hardly
            # tells a score from a grade); a score out of a maximum is the overall one, however
            # the question reads ("what did we score out of 36 at the 2023 inspection")
            plan.fact = OVERALL_SCORE
        elif (
            not plan.abstain
            and plan.report_ids
            and _out_of(q)
            and SCORE_ASK.search(q)
            and not self._scored(plan, corpus)
        ):
            # "What score out of 36 did we get in the 2014 screening?": a report that prints
            # no overall score was not scored; any passage quoted for it answers something else
            targets = plan.report_ids
            plan.abstain = Abstention(
                AbstainReason.TOPIC_NOT_COVERED,
                f"{', '.join(corpus.label(r) for r in targets)} "
                f"{'prints' if len(targets) == 1 else 'print'} no overall score.",
            )
        # about the stored reports themselves (by meaning), unless it names one of a report's
        # lists; which part of the collection is read from the words: the embedding hardly
        # tells "most recent" from "first", or "more than once" from "ever"
        # (a "who" or "when" question asks for a person or date a report prints, not for
        # reports; one that compares inspections asks what they found: "What is the latest on
        # CAMHS waits, and how does it compare with the previous inspection?")
        if (
            plan.intent.collection
            and plan.intent.probability >= COLLECTION_MIN_PROBABILITY
            and _may_ask_collection(plan, q, named, corpus.place_words)
        ):
            plan.collection = (
                "repeated"
                if REPEATED.search(q)
                else "latest"
                if LATEST.search(q)
                else "earliest"
                if FIRST.search(q)
                else "all"
            )
        # what was said on a topic, or whether and how a report covers it ("Does it cover
        # county lines?", "How does the service support young carers?"), asked of a topic
        # no targeted report mentions
        covers = bool(_coverage_asks(q)) and not (
            plan.comparison or plan.quantity or plan.wants or plan.collection
        )
        if (plan.summary or covers) and not (plan.inherited or plan.list_kind or plan.rating):
            plan.abstain = self._unmentioned(plan, corpus)
        elif _terse(q) and not (
            plan.inherited or plan.list_kind or plan.rating or plan.comparison or plan.collection
        ):
            # a script's keywords ("fellingham first time entrants 2016") are the reports' own
            # words: one no targeted report prints, nor anything close to it in meaning, is a
            # topic they do not cover
            plan.abstain = self._unmentioned(
                plan, corpus, _keywords(q, corpus.place_words), keywords=True
            )
        if not plan.abstain and (plan.rating or RATING_ASK.search(q)):
            plan.abstain = _graded_by_another(q, plan.report_ids, corpus)
        return plan

    @staticmethod
    def _scored(plan: Plan, corpus: Corpus) -> bool:
        """Does a report the question targets print an overall score (its `overall_score`
        record)?"""
        targets = plan.report_ids if plan.report_ids is not None else list(corpus.reports)
        return any(
            r.get("subject") == OVERALL_SCORE
            for rid in targets
            for _, r in corpus.records.get(rid, ())
        )

    @staticmethod
    def _asks_the_grade(plan: Plan, corpus: Corpus) -> bool:
        """A rating question that names no standard, no grade, no best or worst and no plural,
        asked of reports of which one is rated: it asks for that report's overall grade. (A
        grade named in a yes-or-no question of the service as a whole, "Was Thornaby YJS rated
        Good overall?", is the one asked about: the standards given that grade answer no.)"""
        q = plan.question
        whole = plan.yes_no and OVERALL_GRADE_ASK.search(q)
        if (_names_a_grade(q) and not whole) or any(
            cue.search(q) for cue in (EVERY_GRADE, BEST_GRADE, WORST_GRADE)
        ):
            return False
        rated = [
            rid
            for rid in plan.report_ids or []
            if any(r.get("kind") == "rating" for _, r in corpus.records.get(rid, ()))
        ]
        if len(rated) != 1:
            return False
        if names_standard(q, _standards(rated[0], corpus), corpus.place_words):
            return False
        # nor a topic the reports head their findings with ("how we go back over court cases
        # when things change": court), which a standard's grade answers
        return not _names_heading_subject(q, plan, corpus)

    @staticmethod
    def _earlier_topic_graded(plan: Plan, corpus: Corpus) -> bool:
        """In a follow-up pointing back, do the earlier question's own words (not the
        follow-up's) name a rated report's standard, or a subject the report heads its findings
        with ("What did the 2023 inspection say about resettlement?")?"""
        earlier = plan.search_text[len(plan.question) :]
        if not earlier.strip():
            return False
        if any(
            names_standard(earlier, _standards(rid, corpus), corpus.place_words)
            for rid in plan.report_ids or []
        ):
            return True
        return _names_heading_subject(earlier, plan, corpus)

    def _unmentioned(
        self, plan: Plan, corpus: Corpus, topic: str | None = None, keywords: bool = False
    ) -> Abstention | None:
        """What was said on a topic no targeted report mentions: a word of the topic no
        targeted report prints (nor a word of its synonym group), and no paragraph of theirs
        close to the topic in meaning (TOPIC_MIN_SIMILARITY). A paraphrase ("schooling" for
        education) is close in meaning; "knife crime" asked of a report that never mentions
        knives is not."""
        if topic is None:
            topic = topic_asked(plan.question, corpus.place_words)
        targets = plan.report_ids if plan.report_ids is not None else list(corpus.reports)
        have = set().union(*(corpus.report_terms.get(r, set()) for r in targets))
        unprinted: list[str] = []
        alternatives: list[list[str]] = [[]]
        for w in words(topic):  # "knives or weapons": mentioned where one of them is
            if w == "or":
                alternatives.append([])
            else:
                alternatives[-1].append(w)
        for alternative in alternatives:
            missing = [
                w
                for w in alternative
                if any(
                    t not in have and not synonyms(t) & have and t not in NOT_CONCEPTS
                    for t in content_terms(corpus.fold_acronyms(w))
                )
                and not (keywords and self._asked_or_spelled(w, corpus, targets))
            ]
            if not missing and content_terms(" ".join(alternative)):
                return None
            unprinted = unprinted or missing
        rows = [i for r in targets for i in corpus.by_report.get(r, [])]
        if not unprinted or self.intents is None or corpus.vectors is None or not rows:
            return None
        vector = np.asarray(self.intents.embedder.embed([topic])[0], dtype=np.float32)
        if float((corpus.vectors[rows] @ vector).max()) >= TOPIC_MIN_SIMILARITY:
            return None
        if self._heads_part(vector, targets, corpus) >= HEADING_TOPIC_MIN_SIMILARITY:
            return None
        labels = [corpus.label(r) for r in targets]
        shown = ", ".join(labels[:3]) + (f" and {len(labels) - 3} more" if len(labels) > 3 else "")
        return Abstention(
            AbstainReason.TOPIC_NOT_MENTIONED,
            f"{shown} {'does' if len(labels) == 1 else 'do'} not mention {topic}: no paragraph "
            f"prints '{unprinted[0]}', and none is close to it in meaning.",
        )

    @staticmethod
    def _asked_or_spelled(word: str, corpus: Corpus, targets: list[str]) -> bool:
        """Of a script's keywords, one that tells how a question is asked (a word the intent
        exemplars use: "number", "dates", "grade"), a compound whose parts are printed
        ("go-live"), or initials of words a targeted report prints ("ooc": out of court), is
        no topic the reports may lack."""
        have = set().union(*(corpus.report_terms.get(r, set()) for r in targets))
        if any(stem(w) in asking_words() for w in word.split("-")):
            return True
        if "-" in word and all(set(content_terms(p)) <= have for p in word.split("-") if p):
            return True
        return len(word) <= ACRONYM_MAX and bool(_initials_phrases(corpus, targets, word))

    def _heads_part(self, vector: np.ndarray, targets: list[str], corpus: Corpus) -> float:
        """How close the topic is to the nearest heading of these reports (their sections and
        the parts above them), each heading embedded once."""
        assert self.intents is not None
        heads = sorted(frozenset().union(*(corpus.headings_of(r) for r in targets)))
        new = [h for h in heads if h not in self._heading_vectors]
        if new:
            for h, v in zip(new, self.intents.embedder.embed(new), strict=True):
                self._heading_vectors[h] = np.asarray(v, dtype=np.float32)
        if not heads:
            return 0.0
        return float((np.stack([self._heading_vectors[h] for h in heads]) @ vector).max())

    def _read(self, reading: str, plan: Plan, named: str | None, corpus: Corpus) -> Intent:
        """The intent of one reading of the question. One read as about the stored reports
        themselves, whose form rules that out, is read again among the other intents, and
        that reading is taken when the question is phrased like its exemplars ("When was
        Marshbury's latest inspection published?" asks a date a report prints: "latest
        inspection" made it a collection question)."""
        assert self.intents is not None
        text = _service_dropped(_strip_known(_as_any_inspection(reading, corpus), corpus))
        intent = self.intents.classify(text)
        bare = _service_dropped(
            _strip_known(_as_any_inspection(reading, corpus, opening=""), corpus)
        )
        if bare != text:
            # keywords that open with the report's name: "inspection cases inspected" and
            # "cases inspected" may each read what is asked; the surer reading is taken
            other = self.intents.classify(bare)
            if other.probability > intent.probability:
                text, intent = bare, other
        if intent.collection and not _may_ask_collection(
            plan, plan.question, named, corpus.place_words
        ):
            other = self.intents.classify(text, ruled_out="collection:")
            if other.similarity >= REREAD_MIN_SIMILARITY:
                return other
        ruled_out: tuple[str, ...] = ()
        if intent.label == PROGRESS and not (TOGETHER.search(reading) and REMEDIED.search(reading)):
            # the progress on an earlier inspection's findings is asked of them taken together,
            # and whether they were remedied: "list the improvement areas in the 2016 letter" is
            # a list, "Has our reoffending rate come down since 2017?" a topic
            ruled_out = (PROGRESS,)
            intent = self.intents.classify(text, ruled_out=ruled_out)
        if intent.collection and intent.probability < COLLECTION_MIN_PROBABILITY:
            # read too unsurely as about the stored reports to be (`plan`): what it asks of
            # them is read among the other intents ("our reoffending rate, per the latest
            # inspection" asks a fact the latest prints)
            # (its fact or list reading then passes the checks any reading does)
            return self.intents.classify(text, ruled_out=(*ruled_out, "collection:"))
        return intent

    def _list_headings(
        self, kind: str, report_ids: list[str] | None, corpus: Corpus
    ) -> tuple[str, ...]:
        """Headings of the targeted reports that name a list of this kind in other words
        ("What is working well" for key strengths, "What needs to improve", "Next steps"): a
        heading over two or more bullets or numbered items that the intent classifier, read on
        the heading alone, gives that kind with probability LIST_HEADING_SURE or more."""
        if self.intents is None or report_ids is None:
            return ()
        counts: dict[str, int] = {}
        for rid in report_ids:
            for i in corpus.by_report.get(rid, []):
                md = corpus.metas[i]
                heading = md["section"].strip().lower()
                if md["kind"] in ("bullet", "numbered") and heading not in KNOWN_LIST_HEADINGS:
                    counts[heading] = counts.get(heading, 0) + 1
        return tuple(h for h, n in counts.items() if n >= 2 and self._heading_kind(h) == kind)

    def _heading_kind(self, heading: str) -> str | None:
        with self._lock:
            if heading in self._heading_kinds:
                return self._heading_kinds[heading]
        intent = self.intents.classify(heading) if self.intents is not None else None
        label = intent.label if intent and intent.probability >= LIST_HEADING_SURE else None
        with self._lock:
            self._heading_kinds[heading] = label
        return label

    @staticmethod
    def _compound_printed(tok: str, corpus: Corpus, scope: list[str]) -> bool:
        """Is every part of a hyphenated word printed (an acronym part as an acronym)?"""
        for part in (p for p in tok.split("-") if p):
            if part.isupper() and len(part) >= 2:
                if not corpus.acronym_printed(scope, part):
                    return False
            elif not corpus.printed(None, part.lower()):
                return False
        return True

    def _unknown_names(
        self, q: str, corpus: Corpus, areas: list[str], base: list[str], ask: str | None = None
    ) -> str | None:
        """A place, name or acronym the question asks about that no targeted report prints.
        A capitalised word only in the sentences about the asker (outside `ask`: "I'm writing
        a piece for the Corvenham Courier.") tells who asks, not what about; an acronym there
        ("My son has ADHD.") is what the question goes on to ask about, and counts."""
        ask = q if ask is None else ask
        ask_at = q.find(ask)
        scope = [r for a in areas for r in corpus.areas.get(a, []) if r in base] or base
        place = _service_of_unstored_area(ask, corpus)
        if place is not None:
            return f"No stored report is about {place}.{_did_you_mean(place, corpus)}"
        for m in UNKNOWN_PLACE.finditer(q):
            name = m.group(1)
            if not ask_at <= m.start(1) < ask_at + len(ask):
                continue
            lname = name.lower()
            if (
                lname in corpus.areas
                or lname.split()[0] in MONTHS
                or any(lname in a for a in corpus.areas)
            ):
                continue
            if not corpus.printed(None, name):
                return f"The stored reports do not mention '{name}'.{_did_you_mean(name, corpus)}"
        for i, (tok, opens) in enumerate(capitalised(q)):
            if (i == 0 and q.lstrip(_EDGE + " ").startswith(tok)) or (opens and i > 0):
                continue  # the question's first word, or a later sentence's
            # a possessive is its word: "YOS's" is "YOS" (stripping the characters "'", "’" and
            # "s" from the end left "yo", printed nowhere: every "YOS's" question abstained)
            tok = tok[:-2] if tok.endswith(("'s", "’s")) else tok
            # and a contraction is its first word: "I'm" is "I", "We've" is "We"
            tok = _uncontracted(tok)
            if not tok.isupper() and f" {tok}" not in f" {ask}":
                continue  # the asker's paper, school or employer
            low = tok.lower()
            if low in MONTHS or any(low in a.split() for a in corpus.areas) or len(low) < 2:
                continue
            if "-" in tok.strip("-") and self._compound_printed(tok, corpus, scope):
                continue  # "MAPPA-eligible": each part printed ("MAPPA", "eligible") will do
            tok = _acronym_cased(tok)
            # (an acronym's plural is one: "PSRs", "DTOs")
            plural = len(tok) >= 3 and tok.endswith("s") and tok[:-1].isupper()
            if (tok.isupper() and len(tok) >= 2) or plural:
                acronym = tok.rstrip("s") if tok.endswith("s") and tok[:-1].isupper() else tok
                if acronym.lower() in OWN_INSPECTORATE | EVERYDAY_CAPITALS:
                    continue  # the reports' author ("HMI Probation"), or a word ("OK")
                if corpus.acronym_printed(scope, acronym) or _initials_phrases(
                    corpus, scope, acronym
                ):
                    continue
                return f"The reports searched do not mention '{tok}'."
            if not corpus.printed(scope, low) and not corpus.printed(None, low):
                return f"The reports searched do not mention '{tok}'.{_did_you_mean(tok, corpus)}"
        return None


CONTRACTIONS = tuple(sorted(lexicon.words_of(lexicon.CONTRACTIONS), key=len, reverse=True))
OWN_INSPECTORATE = lexicon.words_of(lexicon.OWN_INSPECTORATE)
EVERYDAY_CAPITALS = lexicon.words_of(lexicon.EVERYDAY_CAPITALS)
RELATIVE_TO_REPORT = Cue(lexicon.RELATIVE_TO_REPORT)


ASKER = lexicon.words_of(lexicon.ASKER_WORDS)
# a question inside a sentence ("I'd like to know what …", "I wonder whether …")
EMBEDDED_ASK = lexicon.words_of(lexicon.EMBEDDED_ASK)
# where one sentence or clause of a question ends and the next begins
CLAUSE_ENDS = ".!?;"  # a sentence or clause ends with one of these, then a space
DASHES = "-–—"  # a dash between spaces sets off a clause ("I know you came in 2017 - what …")


def _standards(report_id: str, corpus: Corpus) -> list[str]:
    """The standards a report grades, as its ratings print them (the overall rating's own record
    names no standard: "overall rating and score")."""
    return [
        r.get("subject") or ""
        for _, r in corpus.records.get(report_id, ())
        if r.get("kind") == "rating" and r.get("subject") != lexicon.OVERALL_RATING_SUBJECT
    ]


def _names_heading_subject(text: str, plan: Plan, corpus: Corpus) -> bool:
    """Does `text` name a subject the reports head their findings with ("court", "resettlement")?
    Words that name the grade or the report asked about head no finding asked about ("score" of
    a joint inspection's "Inspection scores", "YJS" of "About the YJS")."""
    own = REPORT_NAMING | {stem(w) for a in plan.areas for w in words(a)}
    return any(t in corpus.heading_terms and t not in own for t in content_terms(text))


def without_asker(q: str) -> str:
    """The question without the sentences that tell of the asker in the first person, before
    or after what is asked ("I'm writing a piece for the Corvenham Courier. How much …?" ->
    "How much …?"; "Are there vacancies? My daughter keeps getting a different worker." ->
    "Are there vacancies?"). Such a sentence is no question and asks nothing inside it ("I'd
    like to know what the service spent" asks); what is left is never empty."""
    cuts = _clause_breaks(q)
    bounds = [0, *(b for _, b in cuts)]
    ends = [*(a for a, _ in cuts), len(q)]
    pieces = list(zip(bounds, ends, strict=True))
    told = [_tells_of_asker(q[a:b]) for a, b in pieces]
    first = next((i for i, t in enumerate(told) if not t), None)
    if first is None:
        return q
    last = max(i for i, t in enumerate(told) if not t)
    return q[pieces[first][0] : pieces[last][1]]


def _clause_breaks(q: str) -> list[tuple[int, int]]:
    """Where `q`'s sentences and dash-set clauses meet: the (start, end) of each run of
    spaces after a sentence's end ("…Courier. How") or around a dash ("2023 - what")."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(q):
        if not q[i].isspace():
            i += 1
            continue
        j = i
        while j < len(q) and q[j].isspace():
            j += 1
        if i > 0 and q[i - 1] in CLAUSE_ENDS:
            out.append((i, j))
        elif j < len(q) and q[j] in DASHES and j + 1 < len(q) and q[j + 1].isspace():
            k = j + 1
            while k < len(q) and q[k].isspace():
                k += 1
            out.append((i, k))
            j = k
        i = j
    return out


def _tells_of_asker(piece: str) -> bool:
    said = [_uncontracted(w.strip(_EDGE)).lower() for w in piece.split()]
    return "?" not in piece and bool(set(said) & ASKER) and not set(said) & EMBEDDED_ASK


def _uncontracted(token: str) -> str:
    """A contraction's first word ("I'm" -> "I", "We’ve" -> "We"); any other token as it is."""
    low = token.lower().replace("’", "'")
    return next((token[: -len(c)] for c in CONTRACTIONS if low.endswith(c)), token)


POST_BELOW = lexicon.words_of(lexicon.POST_BELOW)
POST_RANK = lexicon.words_of(lexicon.POST_RANK) | POST_BELOW


def _another_post(role: str, fact: str, targets: list[str], corpus: Corpus) -> bool:
    """Does the role asked name a post below the one the fact records ("deputy head", "vice
    chair") that no record of that fact in the targeted reports names? The head of service is
    no answer to who the deputy was; a signatory recorded as "Assistant Chief Inspector" is."""
    recorded = [
        f"{r.get('text') or ''} {r.get('value') or ''}"
        for rid in targets
        for _, r in corpus.records.get(rid, [])
        if r.get("subject") == fact
    ]
    below = set(words(role)) & POST_BELOW
    if below:
        return not any(below <= set(words(said)) for said in recorded)
    # the post's own noun, a word the reports print, that no record of the fact names: "the lead
    # member for children" is no lead inspector ("This inspection was led by …"), "the youth
    # bench" no head of service (a noun no report prints is the asker's word: "the boss")
    head = words(role)[-1:]
    # (not of "who led the inspection team": the thing a holder leads, not a post's name)
    if not head or head[0].endswith("ing") or not recorded or WHO.opens(role):
        return False
    noun = tokens(head[0])
    if not noun or not corpus.df.get(noun[0]):
        return False
    return not any(
        noun[0] in said or synonyms(noun[0]) & said for said in map(set, map(tokens, recorded))
    )


SERVICE_NAME = Cue(lexicon.SERVICE_NAMES)
OVERALL_GRADE_ASK = Cue(lexicon.OVERALL_GRADE_ASK)
SERVICE_WORDS = frozenset(w for k in lexicon.SERVICE_NAMES for p in k.split() for w in p.split("|"))
# after a report's kind, the words of the service it was of ("of the youth offending work in")
OF_SERVICE = SERVICE_WORDS | {"of", "the", "in"}


def _service_of_unstored_area(q: str, corpus: Corpus) -> str | None:
    """The place a service the question names is of ("What rating did Brackenford youth
    justice service get?", "Marrowby YJS overall rating"), when no stored report is about it:
    the capitalised words right before the service's name that the reports never print in
    lower case (so no "The", "Local" or "North" team). None when the question names no such
    service, or only one of a stored area or one a report prints the service of (a report
    printing the place as a neighbour or a police force's name is no report about it)."""
    ws, spans = words(q), word_spans(q)
    for start, _ in SERVICE_NAME.spans(ws):
        name: list[str] = []
        j = start
        while j > 0:
            j -= 1
            token = q[spans[j][0] : spans[j][1]]
            token = token[:-2] if token.endswith(("'s", "’s")) else token
            low = token.lower()
            if low in STOPWORDS or low in corpus.lower_words:
                break
            if not token[:1].isupper() and not (token.isalpha() and corpus.printed(None, low)):
                # written in lower case ("fenbridge yjs 2022 overall rating"): a name only when
                # some report prints it, and only capitalised (not in `lower_words`)
                break
            if low in MONTHS:  # "the March YOS board": a date, not a place
                break
            name.insert(0, token)
        place = " ".join(name)
        low = place.lower()
        if place and not any(low in a or a in low for a in corpus.areas):
            if not _service_printed(place, corpus):
                return place
    return None


def _service_printed(place: str, corpus: Corpus) -> bool:
    """Is some report about the place, though it is no report's area: its title names it (a
    thematic "in the Wexcaster sub-region"), or it prints the place's own service ("Orwin
    YOT", one of the four teams such a thematic inspects)?"""
    ws = words(place)
    for report in corpus.reports.values():
        said = words(report.get("title") or "")
        if any(said[i : i + len(ws)] == ws for i in range(len(said))):
            return True
    for rid, vocab in corpus.vocab.items():
        if not all(w in vocab for w in ws):
            continue
        for row in corpus.by_report.get(rid, []):
            said = words(corpus.texts[row])
            for start, _ in SERVICE_NAME.spans(said):
                if said[max(0, start - len(ws)) : start] == ws:
                    return True
    return False


def _did_you_mean(name: str, corpus: Corpus) -> str:
    """ " Did you mean Kindlemere?" when one stored area is a letter or two from the name no
    report prints ("Kindlmere"); it is not guessed: the question is not answered of it."""
    low = name.lower()
    most = 2 if len(low) >= SPELL_TWO_EDITS_FROM else 1
    near = [a for a in corpus.areas if len(low) >= 5 and within_edits(low, a, most)]
    return f" Did you mean {near[0].title()}?" if len(near) == 1 else ""


def _what_is_requested(q: str) -> str:
    """A request put as a question ("Can you summarise what inspectors found?"): what it asks
    for ("summarise what inspectors found?"), an open question; else the question as it is."""
    spans = REQUEST.spans(q)
    if not spans or spans[0][0] != 0:
        return q
    end = word_spans(q)[spans[0][1] - 1][1]
    rest = q[end:].lstrip(" ,")
    return rest if content_terms(rest) else q


NAMED_SHARE = 0.25  # a name printed by at most this share of the reports picks them


_EDGE = "\"'“”‘’()[]{},.;:!?"  # punctuation around a word, not part of it


def capitalised(q: str) -> list[tuple[str, bool]]:
    """The words of `q` that start with a capital letter (names, acronyms, possessives and
    hyphenated words whole: "YOS's", "MAPPA-eligible"), each with whether it opens a sentence
    (its capital then says nothing). Words with digits are identifiers, not names."""
    out: list[tuple[str, bool]] = []
    opens = True
    for raw in q.replace("/", " ").split():  # "YOS/YOT": two words
        tok = raw.strip(_EDGE)
        if len(tok) >= 2 and tok[0].isupper() and all(c.isalpha() or c in "'’-" for c in tok):
            out.append((tok, opens))
        opens = raw.rstrip("\"'”’)").endswith((".", "?", "!", ":"))
    return out


def _reports_naming(q: str, corpus: Corpus, base: list[str]) -> tuple[list[str] | None, list[str]]:
    """The reports that print every rare name in the question (a capitalised word, not the first
    of a sentence, an acronym or a month, that at most NAMED_SHARE of the reports searched
    print), and those names. None when the question names nothing rare, or no report prints all
    it names."""
    if len(base) < 4:
        return None, []
    picked: set[str] | None = None
    names: list[str] = []
    for tok, opens in capitalised(q):
        if opens or tok.isupper():
            continue  # a sentence's first word is capitalised whatever it is; an acronym
        tok = tok[:-2] if tok.endswith(("'s", "’s")) else tok
        low = tok.lower()
        if low in MONTHS or low in STOPWORDS:
            continue
        printing = {r for r in base if low in corpus.vocab.get(r, ())}
        if not printing or len(printing) > max(1, int(NAMED_SHARE * len(base))):
            continue
        picked = printing if picked is None else picked & printing
        names.append(tok)
    return (sorted(picked, key=base.index) if picked else None), list(dict.fromkeys(names))


def _newest_answers(question: str) -> bool:
    """Does the question ask whether something goes on ("still") or got better? The newest
    report tells it, so it leads the reports set side by side."""
    return bool(PERSISTS.search(question) or REMEDIED.search(question))


SPEAKER_OPENERS = lexicon.words_of(lexicon.SPEAKER_ASK_OPENERS)
SPEAKER_AUXILIARIES = lexicon.words_of(lexicon.SPEAKER_ASK_AUXILIARIES)
SPEECH_VERBS = lexicon.words_of(lexicon.SPEECH_VERBS)


def speaker_asked(question: str, places: frozenset[str]) -> list[str]:
    """The stem of the head noun of a speaker other than the inspectors whose words the question
    asks for ("What did Ofsted say about …?": "ofst"; "What did local magistrates say …":
    "magistr"), from between "what did" and the verb of saying. None for the reports and
    their authors ("What did the 2023 report say …?", "What did inspectors think …?"), the
    children a report is about, places, years and pronouns ("What did they say?")."""
    ws = words(question)
    for i in range(len(ws) - 2):
        if ws[i] not in SPEAKER_OPENERS or ws[i + 1] not in SPEAKER_AUXILIARIES:
            continue
        end = next((j for j in range(i + 2, min(len(ws), i + 8)) if ws[j] in SPEECH_VERBS), None)
        if end is None:
            return []
        if any(w in OWN_INSPECTORATE for w in ws[i + 2 : end]):
            return []  # "What did HMI Probation say …": the reports' authors
        if any(REPORT_NOUNS.search(w) for w in ws[i + 2 : end]):
            return []  # "What did the later inspection find?": a report, whatever its words
        said = [
            w
            for w in ws[i + 2 : end]
            if w.removesuffix("'s") not in places
            and not is_year(w)
            and not REPORT_NOUNS.search(w)
            and not COLLECTION_OBJECTS.search(w)
        ]
        # the speaker's head noun, the last of their words ("local magistrates": magistrates)
        return content_terms(said[-1])[-1:] if said else []
    return []


def follows_up(question: str, corpus: Corpus) -> bool:
    """Does the question lean on the conversation ("Who said that?", "And in 2016?"): it
    points back (a pronoun, or "the 2023 one" for the report asked about before), or has no
    words of its own beyond areas and years? A question that ends in "it" or "them" has them as
    its object ("Who chairs it?"): they point back."""
    ws = words(question)
    return (
        ANAPHORA.search(question)
        or ws[-1:] in (["it"], ["them"])
        # "And who led the 2023 one?", "And the later one?": "one" after a year, or after a
        # word for its place in time, stands for a report of the area asked about
        or any(
            (is_year(a) or a in _REPORT_ORDER) and b in _POINTERS for a, b in itertools.pairwise(ws)
        )
        or not _own_terms(question, corpus)
    )


def _acronym_cased(tok: str) -> str:
    """An acronym written in mixed case ("SaLT", "CAMHs" is a plural), in capitals: letters
    only, short, opening with a capital and holding another. Any other word as it is."""
    caps = sum(c.isupper() for c in tok)
    if tok.isalpha() and 2 <= caps < len(tok) <= 6 and tok[0].isupper():
        return tok[:-1].upper() + "s" if tok.endswith("s") else tok.upper()
    return tok


def _spelled_acronyms(q: str, corpus: Corpus, scope: list[str]) -> list[str]:
    """The printed words of each acronym in the question that no report of `scope` prints as
    itself nor defines, where their initials spell it in one way only (`_initials_phrases`),
    as a name is spelled: in words of meaning and the little words a name keeps ("speech and
    language therapist"; not "how many improved", nor the reports' author's "HMI")."""
    out = []
    for tok, _opens in capitalised(q):
        tok = _acronym_cased(tok)
        acronym = tok.rstrip("s") if tok.endswith("s") and tok[:-1].isupper() else tok
        if (
            not (acronym.isupper() and len(acronym) >= 2)
            or acronym.lower() in OWN_INSPECTORATE
            or corpus.acronym_printed(scope, acronym)
        ):
            continue
        phrases = _initials_phrases(corpus, scope, acronym)
        if len(phrases) != 1 or phrases[0] in out:  # two: which the asker meant is open
            continue
        if all(w in ACRONYM_SKIPS or w not in STOPWORDS for w in phrases[0].split()):
            out.append(phrases[0])
    return out


def _initials_phrases(corpus: Corpus, scope: list[str], acronym: str) -> list[str]:
    """Words a report of `scope` prints whose initials spell the acronym, which no report
    defines ("SALT": "speech and language therapist", "QA": "quality assurance"): the first
    found, or for two letters the first two different ones (an empty list: none). Of three
    letters or more, any run of words, with or without the little words; of two, two words of
    meaning side by side (two initials run by chance in any text's little words, and two
    words of meaning may too: "quick action")."""
    letters = acronym.lower()
    found: list[str] = []
    for rid in scope:
        for i in corpus.by_report.get(rid, []):
            ws = [p for w in words(corpus.texts[i]) for p in w.split("-") if p]
            if len(letters) == 2:
                for a, b in itertools.pairwise(ws):
                    if (
                        a[0] + b[0] == letters
                        and min(len(a), len(b)) >= MIN_INITIAL_WORD
                        and not {a, b} & STOPWORDS
                        and f"{a} {b}" not in found
                    ):
                        found.append(f"{a} {b}")
                        if len(found) == 2:
                            return found
                continue
            initials = "".join(w[0] for w in ws)
            at = initials.find(letters)
            if at >= 0:
                return [" ".join(ws[at : at + len(letters)])]
            # an acronym skips the little words ("Police and Crime Commissioner": PCC)
            kept = [k for k, w in enumerate(ws) if w not in ACRONYM_SKIPS]
            at = "".join(ws[k][0] for k in kept).find(letters)
            if at >= 0:
                return [" ".join(ws[kept[at] : kept[at + len(letters) - 1] + 1])]
    return found


MIN_INITIAL_WORD = 3  # letters: a two-letter acronym's words are words of meaning


# (the little words a defined acronym leaves out: "Police and Crime Commissioner" is PCC)
ACRONYM_SKIPS = frozenset(lexicon.ACRONYM_CONNECTORS)


REFERS_BACK_STEMS = frozenset(stem(w) for w in lexicon.words_of(lexicon.REFERS_BACK))


FRAGMENT_OPENERS = Cue(lexicon.FRAGMENT_OPENERS)
FRAGMENT_MAX_WORDS = 4  # a phrase standing for one thing, not a question of its own
_ASKING = frozenset(
    w
    for key in [*lexicon.WH_OPENERS, *lexicon.YES_NO_OPENERS]
    for part in key.split()
    for w in part.split("|")
)
_POINTERS = lexicon.words_of(lexicon.POINTERS)  # "the out-of-court ones"
# words that pick a report by its place in time ("the later one", "the first one")
_REPORT_ORDER = frozenset(
    one
    for key in (*lexicon.LATEST, *lexicon.PREVIOUS, *lexicon.FIRST, *lexicon.NEXT)
    for one in key.split("|")
    if " " not in one
)


def _past_openers(ws: list[str]) -> int:
    """Where a follow-up's words start after every opening little word ("And for the …")."""
    opener_ends = {s: e for s, e in FRAGMENT_OPENERS.spans(ws) if e > s}
    i = 0
    while i in opener_ends:
        i = opener_ends[i]
    return i


def is_fragment(question: str) -> bool:
    """Is the follow-up a phrase after an opener ("And what about reviewing?", "And for court
    disposals?"), no question of its own: it asks what the earlier question asked, of what it
    names?"""
    ws = words(question)
    i = _past_openers(ws)
    rest = ws[i:]
    return (
        i > 0
        and 0 < len(rest) <= FRAGMENT_MAX_WORDS
        and not any(w.split("'")[0] in _ASKING for w in rest)
    )


def substituted(question: str, earlier: str, corpus: Corpus) -> str | None:
    """The earlier question asked of what a phrase-only follow-up names: "And for court
    disposals?" after "What rating did Northfield get for out-of-court disposal assessment?"
    asks "What rating did Northfield get for court disposals assessment?"; "And the
    out-of-court ones?" after "How well were court cases assessed?" asks "How well were
    out-of-court cases assessed?". The phrase replaces the earlier words it shares a word
    with (and, when it brings a word of its own, the words describing them: "custody cases"
    for "community cases"). None when the follow-up is a question of its own or shares no
    word with the earlier one (a new topic: "And what about planning there?")."""
    ws, at = words(question), word_spans(question)
    i = _past_openers(ws)
    if ws[i : i + 2] == ["how", "many"] and "how many" in " ".join(words(earlier)):
        # "and how many out-of-court ones?" after "How many court cases did …?": the count
        # asked again, of what the phrase names
        i += 2
    phrase = [(w, span) for w, span in zip(ws[i:], at[i:], strict=True) if w not in _POINTERS]
    if (
        not phrase
        or len(ws) - i > FRAGMENT_MAX_WORDS
        or any(w.split("'")[0] in _ASKING for w in ws[i:])  # "who's chairing it now?"
    ):
        return None
    places = corpus.place_words
    own = {s for w, _ in phrase if w not in STOPWORDS and w not in places for s in _stems(w)}
    if not own:
        return None
    before, spans = words(earlier), word_spans(earlier)

    def plain(w: str) -> bool:  # a word that may describe the thing asked about
        return not (w in STOPWORDS or w in places or w.endswith("'s") or is_year(w))

    shared = [j for j, w in enumerate(before) if plain(w) and _stems(w) & own]
    if not shared:
        return None
    start = end = shared[0]
    while end + 1 in shared:
        end += 1
    earlier_stems = {s for j in range(start, end + 1) for s in _stems(before[j])}
    if any(not (_stems(w) & earlier_stems) for w, _ in phrase if plain(w)):
        while start > 0 and plain(before[start - 1]) and before[start - 1] not in _ASKING:
            start -= 1
    text = question[phrase[0][1][0] : phrase[-1][1][1]]
    if len(phrase) < len(ws) - i:  # "out-of-court ones": the phrase without its pointer
        text = " ".join(question[a:b] for w, (a, b) in phrase)
    return earlier[: spans[start][0]] + text + earlier[spans[end][1] :]


def _stems(word: str) -> set[str]:
    """A word's stem and its parts' ("out-of-court": also "court")."""
    parts = [p for p in word.split("-") if p and p not in STOPWORDS] if "-" in word else []
    return {stem(word), *(stem(p) for p in parts)}


def _one_area(pool: list[str], corpus: Corpus) -> str | None:
    """The area key (as `corpus.areas` holds it) all the reports are about, if one."""
    keys = {(corpus.reports[r].get("area") or "").lower() for r in pool} - {""}
    return keys.pop() if len(keys) == 1 else None


def _visited_each_year(pool: list[str], years: list[int], corpus: Corpus) -> list[str]:
    """The reports of `pool` whose area has a report of every one of `years` among them."""
    seen: dict[str, set[int]] = {}
    for r in pool:
        area = corpus.reports[r].get("area")
        if area:
            seen.setdefault(area, set()).add(corpus.reports[r].get("year") or 0)
    return [r for r in pool if seen.get(corpus.reports[r].get("area") or "", set()) >= set(years)]


def _asks_change(q: str) -> bool:
    """Does the question ask about a change or difference between reports? A change word
    ("improved", "still") does; a comparison word ("compare", "differ") only when the
    question names a report or a time (`_compares_reports`)."""
    plain = words(without_list_names(q))
    for a, b in CHANGE.spans(plain):
        if not COMPARE.search(plain[a:b]) or _compares_reports(q):
            return True
    return bool(COMPARE.search(q) and _compares_reports(q))


def _compares_reports(q: str) -> bool:
    """Does a comparison word set reports side by side ("How does 2016 compare with the
    inspection?", "Is it different now?") rather than two things one report prints ("How does
    the ethnic background of the children compare with the borough's population?")? It
    names a report or a time."""
    ws = words(q)
    return bool(
        REPORT_NAMES & set(ws)
        or years_in(q)
        or any(cue.search(ws) for cue in (NOW, LATEST, PREVIOUS, LAST_TIME, FIRST, THEN))
    )


def _names_a_grade(question: str) -> bool:
    """Does the question name a grade as reports print it: capitalised ("Requires
    improvement", "Outstanding"), or a grade of words no sentence says otherwise ("came out as
    requires improvement"; "good" or "inadequate" in lower case is a word like any other).
    "areas requiring improvement" names a list."""
    return any(m.group(0)[:1].isupper() or " " in m.group(0) for m in GRADE.finditer(question))


def _may_ask_collection(
    plan: Plan, question: str, named: str | None, places: frozenset[str]
) -> bool:
    """Can the question be about the stored reports themselves? Not when it names one of a
    report's lists, asks for a person or date a report prints, compares inspections or asks
    what a report says on a topic ("Any mention of knives in the 2019 inspection?"), nor when
    it asks for nothing a collection holds (reports, their areas, the collection: "Which
    specialists do partner agencies second into our team?"); and
    one that names an area or year asks about its reports only if it says so ("What reports
    do we hold for Marshbury?"; "How many first-time entrants did Thornbeck have in 2018?"
    asks what a report says)."""
    return (
        not named
        # ("What do we have?" asks for nothing in particular: what is held)
        and bool(COLLECTION_OBJECTS.search(question) or not content_terms(question))
        and plan.wants is None
        and not plan.comparison
        # a measure asked for ("What's our reoffending rate now, according to the latest
        # inspection?") is one a report prints; the collection counts reports and areas
        and not (
            plan.quantity
            and not any(COLLECTION_OBJECTS.search(w) for w in counted_words(question, places)[:1])
        )
        and not (SUMMARY_ASK.search(question) or _coverage_asks(question))
        and (not (plan.areas or years_in(question)) or bool(REPORT_NOUNS.search(question)))
        and len(_beyond_collection(question, places)) < COLLECTION_MAX_OTHER_TERMS
    )


# A question about the stored reports asks of them and their places in words for them, and
# little else ("When was the latest inspection?", "What reports do we hold for Marshbury?"):
# this many other content words ask what a report says ("Which standards got Outstanding at the
# latest inspection?"; "give me the headlines from the latest inspection", one word, still
# reads as the collection).
COLLECTION_MAX_OTHER_TERMS = 2


def _beyond_collection(question: str, places: frozenset[str]) -> list[str]:
    """The question's content terms that are not words for the reports (or their kinds), the
    collection or a place."""
    ws = words(question)
    covered = {i for a, b in COLLECTION_OBJECTS.spans(ws) for i in range(a, b)}
    rest = " ".join(
        w
        for i, w in enumerate(ws)
        if i not in covered and w.lower() not in places and w.lower() not in KIND_NAMES
    )
    return content_terms(rest)


def _own_terms(question: str, corpus: Corpus) -> list[str]:
    """What a question asks of its own: its content terms without area names, years and the
    words that only point back at the earlier question ("the 2016 one", "two years later")."""
    return [t for t in content_terms(_strip_known(question, corpus)) if t not in REFERS_BACK_STEMS]


def alternatives_asked(question: str) -> list[tuple[str, str]]:
    """Two things a question offers as alternatives at its end, each with the question as asked
    of it: "In 2021, which was the longer wait: CAMHS or substance misuse help?" gives ("CAMHS",
    "In 2021, which was the longer wait: CAMHS?") and ("substance misuse help", "…: substance
    misuse help?"); "did Wickenmoor do better with children sentenced in court or with those
    diverted from court?" sets the second in place of the first from the word they share
    ("with"). The first starts after the last colon or dash before "or", unless the second
    takes up one of its words; else none ("above or below the national figure", "better or
    worse since 2014", "in education, training or employment" are no two things)."""
    text = question.strip().rstrip("?").rstrip()
    ws, at = words(text), word_spans(text)
    ors = [i for i, w in enumerate(ws) if w == "or" and 0 < i < len(ws) - 1]
    if len(ors) != 1:
        return []
    i = ors[0]
    second = text[at[i + 1][0] :].strip()
    end = at[i][0]
    while end > 0 and text[end - 1] in " ,":  # "…posed to others, or judging…"
        end -= 1
    opened = max(text.rfind(":", 0, end), text.rfind(" - ", 0, end), text.rfind("—", 0, end))
    first_words = range(next((j for j in range(i) if at[j][0] > opened), i), i)
    shared = [j for j in first_words if ws[j] == ws[i + 1]]
    if shared:
        start = shared[-1]
    elif opened >= 0 and first_words:
        start = first_words[0]
    else:
        return []
    first = text[at[start][0] : at[i][0]].strip(" ,;")
    if not (content_terms(first) and content_terms(second)):
        return []
    head = text[: at[start][0]]
    return [(first, f"{head}{first}?"), (second, f"{head}{second}?")]


def _out_of(question: str) -> bool:
    """Does the question name a maximum ("out of 36")?"""
    ws = words(question)
    return any(
        a == "out" and b == "of" and c.isdigit()
        for a, b, c in zip(ws, ws[1:], ws[2:], strict=False)
    )


def _another_measure(question: str, fact: str) -> bool:
    """Does the question ask a measure other than the number the fact records: an average or
    a share ("How many cases did each case manager hold on average?" asks no count of the cases
    inspected), or a rate named by another word ("first time entrants rate" is no reoffending
    rate)?"""
    if FACT_KINDS.get(fact) != "number":
        return False
    ws = words(question)
    if ("average" in ws or SHARE.search(question)) and not fact.endswith("_rate"):
        return True  # (a share of cases is no count of them: "what proportion of …")
    named = {ws[i - 1] for i, w in enumerate(ws) if w == "rate" and i and ws[i - 1] in NAMED_RATES}
    return bool(named) and not named & set(fact.split("_"))


def _one_which(question: str) -> bool:
    """Does "which" ask for one thing ("Which inspector put her name to the letter?"), its
    noun singular, not for every match ("Which standards were rated Good?", "Which key
    strengths …")? The words after it up to a little word: none plural."""
    ws = words(question)
    if "which" not in ws[:3]:
        return False
    named = list(itertools.takewhile(lambda w: w not in STOPWORDS, ws[ws.index("which") + 1 :]))
    return bool(named) and not any(
        w.endswith("s") and not w.endswith(("ss", "is", "us")) for w in named
    )


def role_asked(
    question: str, places: frozenset[str] = frozenset(), lower: frozenset[str] = frozenset()
) -> str:
    """The role a question asks who holds ("Who is the parenting worker at Gildersham YJS?" ->
    "parenting worker"; "What's the name of the YOT's seconded CAMHS worker?" -> "seconded
    camhs worker"): the words after the ask up to a little word, a place or a year, without a
    possessive (whose role it is); asked by what its holder does, the role is that ("Who chairs
    the youth court bench?" -> "who chairs the youth court bench"). "" when the question asks no role
    ("Who was the Thurrock letter addressed to?"). A post asked by its title, without an
    article ("Who was Chief Inspector of Probation then?" -> "chief inspector"), is a role when
    the title's first word is one the reports print in lower case (`lower`): not a name."""
    ws: list[str] = []
    for w in words(question.split("?")[0]):  # the sentence that asks
        if w.endswith("'s") and w.removesuffix("'s") in places:
            # a place's role is its role: "Who is Kestrel Vale's head of service?" asks as
            # "Who is the head of service?" does (not "Who runs Gildersham's service now?")
            named = len(ws)
            while named and ws[named - 1] in places:
                named -= 1
            if named and ws[named - 1] in ROLE_OF:
                del ws[named:]
                w = "the"
        ws.append(w)
    start = next((i for i, w in enumerate(ws) if w not in LEADING_WORDS), len(ws))
    span = next((s for s in ROLE_ASK.spans(ws) if s[0] == start), None)
    if span is None:
        span = _title_asked(question.split("?")[0], start, lower)
    if span is None:
        # "… copied to the PCC - what was their name?": the role is the last named before
        by_pronoun = next(iter(NAME_BY_PRONOUN.spans(ws)), None)
        the = max((i for i in range((by_pronoun or (0,))[0]) if ws[i] == "the"), default=None)
        if the is None:
            return ""
        start, span = the, (the, the + 1)
    # "Who heads the service?": the head of the service; the verb names the role too
    verb = ws[start + 1] if ws[start] == "who" and start + 1 < span[1] else ""
    role: list[str] = ["who", verb, "the"] if verb and verb not in STOPWORDS else []
    opened = len(role)
    skipped = False  # a place named before the role ("the Cranmoor YOS health worker")
    for i in range(span[1], len(ws)):
        w = ws[i]
        joins = w == "and" and bool(role) and i + 1 < len(ws) and ws[i + 1] not in STOPWORDS
        # (a contraction is its first word: "the nurse she'd see" ends at "she'd")
        little = w in STOPWORDS or _uncontracted(w) in STOPWORDS
        if w in places and len(role) == opened:
            skipped = True
            continue
        if w in ROLE_TIME and len(role) == opened:
            continue  # "the current head of service": the head of service, of the newest report
        if (little and not joins) or w.removesuffix("'s") in places or is_year(w):
            break
        if not w.endswith("'s"):
            role.append(w)
    if skipped and REPORT_NAMES & set(role):
        return ""  # "Who was the Thurrock letter addressed to?": a report, no role
    return " ".join(role) if role[-1:] not in (["the"], []) else ""


def _title_asked(asked: str, start: int, lower: frozenset[str]) -> tuple[int, int] | None:
    """The ask before a post's title written without an article ("Who was | Chief Inspector"),
    when the title opens with a capital and a word the reports print in lower case; None
    otherwise ("Who was Philippa Renshaw?", "Who was interviewed?")."""
    ws, at = words(asked), word_spans(asked)
    span = next((s for s in ROLE_TITLE_ASK.spans(ws) if s[0] == start), None)
    if span is None or span[1] >= len(ws):
        return None
    title = asked[at[span[1]][0] : at[span[1]][1]]
    return span if title[:1].isupper() and title.lower() in lower else None


def topic_asked(question: str, places: frozenset[str] = frozenset()) -> str:
    """The topic a question asks what was said about ("What did the 2025 report say about
    knife crime in Brantholme?" -> "knife crime"): the words after the ask, to the end of its
    clause, without the places and years that pick reports or the little words around it."""
    spans = SUMMARY_ASK.spans(question) or _coverage_asks(question)
    at = word_spans(question)
    if not spans or spans[0][1] >= len(at):
        return ""
    rest = question[at[spans[0][1]][0] :]
    for mark in ",;:?!":
        rest = rest.split(mark)[0]
    kept = [
        w
        for w in words(rest)
        if w.removesuffix("'s") not in places and not is_year(w) and w not in TIME_FRAMING
    ]
    while kept and kept[-1] in STOPWORDS:
        kept.pop()
    while kept and kept[0] in STOPWORDS:
        kept.pop(0)
    return " ".join(kept)


def _terse(question: str) -> bool:
    """Is the question a script's keywords ("reoffending rate rushmead 2018"): a few words,
    none of them asking (no "what", "how", "did" …)?"""
    ws = words(question)
    return 0 < len(ws) <= TERSE_WORDS and not (_ASKING & set(ws))


def _keywords(question: str, places: frozenset[str] = frozenset()) -> str:
    """A terse question's words without its places, years and little words."""
    return " ".join(
        w
        for w in words(question)
        if w.removesuffix("'s") not in places and not is_year(w) and w not in STOPWORDS
    )


def _coverage_asks(question: str) -> list[tuple[int, int]]:
    """Where the question asks whether or how a report covers a topic (lexicon TOPIC_ASK),
    with the topic right after: "support young carers", not the noun of "bail support at
    court", nor the noun after a determiner ("before any help actually starts"; "any mention
    of knives" names its topic after "of")."""
    ws = words(question)
    return [
        (a, b)
        for a, b in TOPIC_ASK.spans(ws)
        if b < len(ws)
        and ws[b] not in STOPWORDS
        and not (a and ws[a - 1] in DETERMINERS and ws[b - 1] != "of")
    ]


def _strip_known(question: str, corpus: Corpus) -> str:
    """The question without area names and years (they pick reports, not what is asked)."""
    out = corpus.area_pattern.sub(" ", question) if corpus.areas else question
    return " ".join(re.sub(r"['’]s\b", "", YEAR.sub(" ", out)).split())


def _service_dropped(text: str) -> str:
    """The text without the service an inspection was of, which picks the report as the area
    does: "Who led the inspection of youth justice services in ?" asks what "Who led the
    inspection?" does (read as the service's manager, or as a topic)."""
    ws, at = words(text), word_spans(text)
    for i in range(len(ws) - 2, -1, -1):
        if ws[i] not in ("inspection", "inspections") or ws[i + 1] != "of":
            continue
        j = i + 1
        while j < len(ws) and ws[j] in OF_SERVICE:
            j += 1
        if any(SERVICE_NAME.spans(ws[i + 1 : j])):
            text = text[: at[i][1]] + text[at[j - 1][1] :]
    return " ".join(text.split())


def _as_any_inspection(question: str, corpus: Corpus, opening: str = "inspection") -> str:
    """The question with the report it names by kind and title ("the education, training and
    employment thematic", "Marshbury's screening") read as "the inspection": like areas and
    years, that picks a report, and says nothing of what is asked ("Who led the … thematic?"
    asks what "Who led the inspection?" does). A name that opens a script's keywords
    ("Kestrel Vale SQS 2017 cases inspected") is read as `opening`."""
    at = word_spans(question)
    out, end = [], len(question)
    for start, stop, _kind, owner in naming_spans(question, corpus):
        out.append(question[at[stop - 1][1] : end])
        opens = not owner and not _strip_known(question[: at[start][0]], corpus).strip(" ,.:;-")
        out.append(opening if opens else "the inspection" if owner else "inspection")
        end = at[start][0]
    out.append(question[:end])
    return "".join(reversed(out))


def kind_named(question: str, corpus: Corpus) -> str | None:
    """The kind of report the question names (`naming_spans`), the more specific first."""
    named = {kind for _, _, kind, _ in naming_spans(question, corpus)}
    return next((kind for kind in QUESTION_TYPE_ORDER if kind in named), None)


def naming_spans(question: str, corpus: Corpus) -> list[tuple[int, int, str, bool]]:
    """Where the question names a report by its kind (start and end word, kind, whether a
    possessive names it: "Marshbury's screening"), last first. The words before the kind's
    name must be a title's of that kind, an area's or a year, after "the" or a possessive:
    "speech and language screening" and "the communication screening" are a topic."""
    ws, at = words(question), word_spans(question)
    areas = {w for a in corpus.areas for w in words(a)}
    spans = sorted((span, kind) for kind, cue in TYPE_WORDS for span in cue.spans(ws))
    out: list[tuple[int, int, str, bool]] = []
    end = len(question)
    for (start, stop), kind in reversed(spans):
        if stop > len(at) or at[stop - 1][1] > end:
            continue  # overlapping another kind's name
        titled = _title_words(corpus, kind) | areas
        while start > 0 and (
            ws[start - 1] in TITLE_JOINERS
            or is_year(ws[start - 1])
            or ws[start - 1].removesuffix("'s") in titled
        ):
            start -= 1
        while start < stop and ws[start] in TITLE_JOINERS:
            start += 1  # "… on remand": not the joiner that opened the run
        owner = ws[start].endswith("'s")  # "Marshbury's screening"
        # (an area's name before the kind names its report too: "key strengths coldmarsh sqs")
        if start > 0 and not owner and ws[start - 1] not in NAMING and ws[start] not in areas:
            continue
        out.append((start, stop, kind, owner))
        end = at[start][0]
    return out


def _title_words(corpus: Corpus, kind: str) -> set[str]:
    """The words of the titles of the reports of one kind, and the acronyms of their words
    ("ETE" for "education, training and employment")."""
    titled = {
        w
        for r in corpus.reports.values()
        if r.get("inspection_type") == kind
        for w in words(r.get("title") or "")
    } - STOPWORDS
    return titled | {
        a for a, full in corpus.acronyms.items() if set(words(full)) - STOPWORDS <= titled
    }


def _graded_by_another(q: str, report_ids: list[str] | None, corpus: Corpus) -> Abstention | None:
    """A grade asked of another inspectorate ("What rating did Ofsted give our children's
    services?"): none, unless a sentence of the targeted reports names that body and gives a
    grade (the reports' own grades are HM Inspectorate of Probation's)."""
    # (a body's possessive is its name: "Ofsted's judgement")
    ws = [w.removesuffix("'s").removesuffix("’s") for w in words(q)]
    at = word_spans(q)
    spans = OTHER_INSPECTORATE.spans(ws)
    if not spans:
        return None
    start, stop = spans[0]
    name = ws[start:stop]
    body = q[at[start][0] : at[stop - 1][1]].removesuffix("'s").removesuffix("’s")
    targets = report_ids if report_ids is not None else list(corpus.reports)
    for rid in targets:
        if not all(w in corpus.vocab.get(rid, ()) for w in name):
            continue  # the report never prints the body's name: none of its sentences gives
        for row in corpus.by_report.get(rid, []):
            for s in sentences(corpus.texts[row]):
                said = words(s)
                named = any(said[i : i + len(name)] == name for i in range(len(said)))
                if named and GRADE.search(s):
                    return None
    return Abstention(
        AbstainReason.TOPIC_NOT_MENTIONED,
        f"The reports searched give no grade from {body}: the grades they give are HM "
        "Inspectorate of Probation's, of the youth justice service.",
    )


def _name_of_other_reports(
    ask: str, corpus: Corpus, targets: list[str], scope: list[str]
) -> str | None:
    """A name the question asks about (a capitalised word inside it, not an acronym, an area or
    a month) that reports of `scope` print but none of `targets`, the reports a year or kind
    picked from them: "Wetherby" in "how many kids were at Wetherby in 2023?", printed only in
    the 2016 letter. None when the targets are the whole scope."""
    if not targets or set(scope) <= set(targets):
        return None
    others = [r for r in scope if r not in targets]
    for i, (tok, opens) in enumerate(capitalised(ask)):
        if (i == 0 and ask.lstrip(_EDGE + " ").startswith(tok)) or opens or tok.isupper():
            continue  # the question's first word, a later sentence's, an acronym
        tok = _uncontracted(tok[:-2] if tok.endswith(("'s", "’s")) else tok)
        low = tok.lower()
        if low in MONTHS or len(low) < 3 or any(low in a.split() for a in corpus.areas):
            continue
        if low in STOPWORDS or not corpus.printed(others, low):
            continue
        if not corpus.printed(targets, low):
            return tok
    return None


def _kind_opens_span(q: str, corpus: Corpus) -> bool:
    """Does the time span start at the report the question names by its kind ("since the
    joint inspection")? ("How long after the screening…" and "what we learnt from the
    screening" start none.)"""
    ws = words(q)
    return any(
        start >= 2 and ws[start - 1] in NAMING and ws[start - 2] == "since"
        for start, _stop, _kind, _owner in naming_spans(q, corpus)
    )


def _year_opens_span(q: str, year: int) -> bool:
    """Does the time span end at `year` ("by 2022", "until 2022") or start there ("since 2017",
    "from 2017", "after 2017")?"""
    ws = words(q)
    for start, end in SOFT_YEAR.spans(ws):
        if ws[end - 1] == str(year):
            return ws[start] in SPAN_STARTS
    return False


def _tells_of(q: str, year: str, report_id: str, corpus: Corpus) -> bool:
    """Does a paragraph of the report print `year` and, in its own text, at least half of the
    question's other content words ("completed … caution … court … 2023")? Then the year is a
    time it tells of; a report printing the year only of something else ("training in late
    2017") does not answer "the reoffending rate for 2017"."""
    if year not in corpus.vocab.get(report_id, ()):
        return False
    terms = _own_terms(q, corpus)
    for row in corpus.by_report.get(report_id, []):
        text = corpus.texts[row]
        if year in words(text):
            have = set(tokens(text))  # its own words: not its heading's ("Reducing reoffending")
            if 2 * sum(t in have for t in terms) >= len(terms):
                return True
    return False


MIN_SCORE_ROWS = 3  # table rows scoring a theme as a percentage that make a scores table


def scores_instead_of_grades(report_id: str, corpus: Corpus) -> bool:
    """Does the report grade nothing, and score its themes in a table (rows whose value cells
    print a percentage)?"""
    if any(r.get("kind") == "rating" for _, r in corpus.records.get(report_id, ())):
        return False
    rows = corpus.by_report.get(report_id, [])
    scored = sum(
        1
        for i in rows
        if corpus.metas[i].get("kind") == "table_row"
        and any("%" in cell for cell in corpus.texts[i].split(" | ")[1:])
    )
    return scored >= MIN_SCORE_ROWS


def _has_grades(report_id: str, corpus: Corpus) -> bool:
    return any(r.get("kind") == "rating" for _, r in corpus.records.get(report_id, ()))


def _soft_year(q: str, year: int) -> bool:
    ws = words(q)
    return any(ws[end - 1] == str(year) for _, end in SOFT_YEAR.spans(ws))


def _year_bound(q: str, cue: Cue) -> int | None:
    """The year of "before 2016" (`cue`) when it bounds the reports searched: it opens the
    question, or the question is about what reports said."""
    ws = words(q)
    spans = cue.spans(ws)
    if not spans:
        return None
    start, end = spans[0]
    if start > 0 and not REPORT_LEVEL.search(ws):
        return None
    return int(ws[end - 1])


def _years_near(q: str, areas: list[str], n: int) -> list[int]:
    """Years written in this area's part of the question ("Marshbury 2014 and Northfield")."""
    lower = q.lower()
    starts = [lower.find(a) for a in areas] + [len(q)]
    begin = 0 if n == 0 else starts[n]
    own = [int(y) for y in years_in(q[begin : starts[n + 1]])]
    if own:
        return own
    # "Marshbury and Kestrel Vale at their 2016 screenings": trailing years apply to all
    others = [years_in(q[(0 if i == 0 else starts[i]) : starts[i + 1]]) for i in range(len(areas))]
    last = others[-1]
    return [int(y) for y in last] if last and EACH_SIDE.search(q) else []


def _describe_time(q, years, before, after) -> str:
    if before:
        return f" before {before}"
    if after:
        return f" after {after}"
    if years:
        return " in " + " or ".join(str(y) for y in years)
    return ""


def _filtered(corpus: Corpus, filters: dict) -> list[str]:
    out = []
    for rid, r in corpus.reports.items():
        if filters.get("report_ids") and rid not in filters["report_ids"]:
            continue
        if filters.get("area") and (r.get("area") or "").lower() != str(filters["area"]).lower():
            continue
        if (
            filters.get("inspection_type")
            and r.get("inspection_type") != filters["inspection_type"]
        ):
            continue
        year = r.get("year")
        if filters.get("year_from") is not None and (
            year is None or year < int(filters["year_from"])
        ):
            continue
        if filters.get("year_to") is not None and (year is None or year > int(filters["year_to"])):
            continue
        out.append(rid)
    return sorted(out)
