"""The offline extractive answerer: every claim is a verbatim sentence of a stored paragraph.

`ExtractiveAnswerer.answer(plan, hits, corpus) -> Draft` leads with the direct answer (the
sentence that answers, or the list), marks each quote `[n]`, and abstains, with the
closest paragraphs as `related`, when the evidence does not carry what the question asks about.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from re import Match

import numpy as np

from findings import lexicon
from findings.records import FACT_KINDS, RECORDED_WHEN_TOLD, Abstention, citation_label
from findings.text import normalise_space
from findings.vocab import MONTHS, AbstainReason
from retrieval.corpus import Corpus, expansions_in
from retrieval.draft import Cited, Draft
from retrieval.hybrid import NOT_TOLD, Hit, facts_of, hit_from_row, prints_fact
from retrieval.plan import (
    CHANGE,
    NOT_CONCEPTS,
    POINTS_BACK_WORDS,
    POST_BELOW,
    POST_RANK,
    REPORT_NAMES,
    SERVICE_NAME,
    SHARE,
    Plan,
    Side,
    asks_why,
    capitalised,
    prints_identifier,
    scores_instead_of_grades,
    without_asker,
)
from retrieval.structured import (
    NATIONAL_RATE,
    StructuredAnswerer,
    cite_statement,
    gives_grade,
    list_evidenced,
    names_nation,
    national_rate_beside,
    overall_statement,
    rating_record,
    records_of,
    standard_paragraph,
    told_above,
    unrated_standard,
)
from retrieval.text import (
    COUNTED_AFTER,
    DATE,
    DATE_RANGE,
    GRADE,
    NUMBER_WORDS,
    OCCURRENCES,
    PERCENT,
    PROPORTION,
    STOPWORDS,
    TIME_UNIT,
    YEAR,
    Cue,
    amounts,
    content_terms,
    counted_forms,
    counted_words,
    counts,
    giver_asked,
    happened_years,
    has_number,
    is_word,
    is_year,
    measure_words,
    money_span,
    money_spans,
    names_in,
    number_words,
    person_span,
    prints_count,
    prints_person,
    sentences,
    start_span,
    stem,
    synonyms,
    tokens,
    word_spans,
    words,
    year_span,
)
from store.protocols import Embedder

MAX_QUOTE = 500
# No quote is longer than this: a longer stretch is cut at a word end (still verbatim, a prefix)
QUOTE_CAP = 1000
WHY_PARAGRAPHS = 2  # a grade's reasons: the standard's paragraphs after the one stating it
SAME_TOPIC_MARGIN = 0.15
# A compared side quoted from a list item also quotes the numbered finding behind it when that
# is among the side's best few.
DETAIL_WITHIN = 3
# An overall-picture answer quotes at most this many paragraphs of the report's summary.
SUMMARY_PARAGRAPHS = 3
SUMMARY_HITS = 6  # the best passages a summary of a part takes its other paragraphs from
# A passage printing the fact asked for (its record) counts as such among the best few only: a
# question misread as asking for that fact must not pull up a header row ranked far below.
FACT_HITS = 3
HEADLINE_HITS = 5  # the best few a topic's headline is looked for in
KIND_HITS = 6  # the best few a count of one kind of case is looked for in
CASE_KIND_TERMS = tuple(
    frozenset(t for w in key.split() for t in tokens(w)) for key in lexicon.CASE_KINDS
)
MIN_LISTED, MAX_LISTED = 2, 20  # rows of a list asked for by its heading: a list, not a table
MAX_LINE_WORDS = 20  # a list's line, not a sentence: a name and a post or two
SENTENCE_HITS = 6  # a person read off a role line is looked for in this many passages
# A person asked for by role ("Who is the parenting worker?") is answered by a passage naming
# most of the role's words (IDF-weighted, `names_role`), among this many of the best.
ROLE_MIN_COVERAGE = 0.5
ROLE_HITS = 6
# When the question surely asks for that fact (the intent's probability), the passage printing
# it is the answer wherever it ranks: on the tuning questions every fact question at or above
# this was answered by its record's paragraph (`When was the report published?` by the
# "Publication date:" field, not the sentence saying the report "is published" online).
FACT_SURE = 0.75
# how surely a comparison must read as asking a figure its reports record for a side whose best
# passage is not that record to quote the record instead
COMPARED_FACT_SURE = 0.6
# a fact its reports always record asked this surely, and none of its reports records it: the
# reports do not give it (`_fact_untold`; set on the tune sets, where lower took answerable ones)
UNTOLD_FACT_SURE = 0.6
# ... and how surely, where another report of the area records the fact (`_fact_untold`)
UNTOLD_ELSEWHERE_SURE = 0.3
# a word fewer than this share of the stored reports print is rare: its absence from a report
# is no paraphrase (`_told_only_in_another`)
RARE_REPORT_SHARE = 0.25
# the best passages the targeted reports' closeness is taken from
EVIDENCE_HITS = 5
# A question asked by role and read as asking for a person's record at least this surely is
# answered by that record's paragraph even when the role's words are not printed there ("Who
# runs the youth justice service?", 0.71, by "The head of service, Colette Ashby-Marr"). On the
# tune questions, roles the record does not hold ("Who's the education worker?") read 0.49-0.53.
ROLE_FACT_SURE = 0.6
# A role-and-name row is short; a longer field or row is a finding that happens to name someone.
PEOPLE_ROW_CHARS = 120
DURATION = Cue({**lexicon.DURATION, **lexicon.WAITING})
FREQUENCY = Cue(lexicon.FREQUENCY)
PERIODIC = Cue(lexicon.PERIODIC)
SPEED_ASK = Cue(lexicon.SPEED_ASK)
PROMPT = Cue(lexicon.PROMPT)
HEADLINE = Cue(lexicon.HEADLINE_ASK)
WAIT = Cue(lexicon.WAITING)
WAIT_TOLD = Cue(lexicon.WAIT_TOLD)
PART_ASK = Cue(lexicon.PART_ASK)
TOTAL_ASK = Cue(lexicon.TOTAL_ASK)
PERSON_PRONOUN = Cue(lexicon.PERSON_PRONOUNS)  # "He has chaired it since 2019."
SHARE_OF_GROUP = lexicon.words_of(lexicon.SHARE_OF_GROUP)
SPEECH_VERBS = lexicon.words_of(lexicon.SPEECH_VERBS)
SHARE_WHOLE_ENDS = lexicon.words_of(lexicon.SHARE_WHOLE_ENDS)
SERVICE_INITIALS = frozenset(
    stem(w) for key in lexicon.SERVICE_NAMES for w in key.replace("|", " ").split()
)
# A term counts as a concept the reports cover when several paragraphs print it; words that
# only frame the question (comparisons, time, size) never do.
MIN_CONCEPT_DF = 3
NEGATING_PREFIXES = tuple(lexicon.NEGATING_PREFIXES)
NEAR_BEFORE, NEAR_AFTER = 8, 3  # words around a date or count that tell what it is of
# Whether the best passage answers the question: a logistic score of the evidence, fitted by
# `python -m bench.calibrate` on the tuning questions (data/eval/dev_qa.jsonl,
# data/eval/blind_tune.jsonl, data/eval/blind_records_tune.jsonl; never on held-out questions or
# tests). Features: the passage's
# cosine similarity to the question, the IDF-weighted share of the question's terms it prints,
# whether it prints the kind of thing asked for (a number, a date, a name: `_prints_what_is_asked`,
# or, among the best few, the record of the one fact asked for: `_carries_fact`), and whether
# the question names a topic that the targeted reports never print (`missing_terms`).
# A paraphrase lowers the second feature only; the answer is not vetoed for a missing word.
EVIDENCE_WEIGHTS = {"dense": 3.415, "coverage": 1.1, "typed": 2.215, "missing": -2.899}
EVIDENCE_BIAS = -2.169
MIN_EVIDENCE = 0.6
COUNTED_WITHIN = 6  # words after a number that may name what it counts
# a count in words names what it counts at once, or after a word or two that describe it
# ("Sixteen trained community volunteers")
WORDS_BEFORE_COUNTED = 2
# the grades that say work fell short (all but the top two of the 2018 scale and the top one
# of the joint inspections' scores): "why?" of one asks what fell short (`_shortfall_first`)
BELOW_GOOD = frozenset(lexicon.GRADES) - {"outstanding", "good", "minimum improvement required"}
OWN_ASK_WITHIN = 2  # a follow-up's own ask may lift the second best passage over the first
# the closest passages, of those found, one of which must name the nation's figure for a
# question setting the service's figure against it
NATION_HITS = 3


class ExtractiveAnswerer:
    """One public method: `answer(plan, hits, corpus) -> Draft`."""

    mode = "extractive"

    def __init__(self, min_evidence: float = MIN_EVIDENCE, embedder: Embedder | None = None):
        self.min_evidence = min_evidence
        self.structured = StructuredAnswerer()  # lists, grades and facts from records
        # breaks ties between a paragraph's sentences that print none (or as many) of the
        # question's words: the one closest in meaning is quoted (none given: the first)
        self.embedder = embedder

    def answer(self, plan: Plan, hits: list[Hit], corpus: Corpus) -> Draft:
        if plan.abstain:
            return _abstain(plan.abstain, hits)
        if not hits:
            return _abstain(
                Abstention(
                    AbstainReason.NOTHING_RETRIEVED,
                    "Nothing in the stored reports matches the question.",
                ),
                hits,
            )
        if plan.speaker and not plan.comparison:
            # "What did Ofsted say about children's services?": only a passage naming the
            # speaker tells what they said
            hits = [h for h in hits if _names_speaker(plan.speaker, h.text)]
            if not hits:
                return _abstain(
                    Abstention(
                        AbstainReason.NO_SUPPORTING_PASSAGE,
                        "No paragraph found tells what the question's speaker said.",
                    ),
                    [],
                )
        untold = (
            _fact_untold(plan, corpus)
            or unrated_standard(plan, corpus)
            or _told_only_in_another(plan, hits, corpus, self.embedder)
        )
        if untold:
            return _abstain(Abstention(AbstainReason.NO_SUPPORTING_PASSAGE, untold), hits)
        structured = self.structured.answer(plan, hits, corpus)
        if structured is not None:
            return structured
        unrecorded = (
            _rate_not_given(plan, hits, corpus)
            or _nation_not_given(plan, hits, corpus)
            or _group_not_given(plan, hits, corpus)
        )
        if unrecorded:
            return _abstain(Abstention(AbstainReason.NO_SUPPORTING_PASSAGE, unrecorded), hits)
        if plan.list_sections:
            listed = self._list(plan, hits, corpus)
            if listed is not None:
                return listed
        terms = _question_terms(plan, corpus)
        missing = (
            bool(missing_terms(plan, corpus, terms))
            and not plan.comparison
            and not _whole_report(plan)
        )
        per_side: list[Cited | None] = []
        for side_no, side in enumerate(plan.sides):
            side_hits = [h for h in hits if h.side == side_no]
            side_plan = _as_asked_of(plan, side)
            per_side.append(
                self._best_supported(
                    side_plan, side_hits, _question_terms(side_plan, corpus), corpus, missing
                )
            )
        if plan.comparison and FACT_KINDS.get(plan.fact or "") == "person":
            per_side = [_person_on_record(plan, c, corpus) for c in per_side]
        elif plan.comparison and FACT_KINDS.get(plan.fact or "") == "number":
            per_side = [
                _number_on_record(plan, side, c, corpus)
                for side, c in zip(plan.sides, per_side, strict=True)
            ]
        found = [c for c in per_side if c is not None]
        if not found:
            if missing:
                targets = plan.report_ids or []
                return _abstain(
                    Abstention(
                        AbstainReason.TOPIC_NOT_COVERED,
                        f"{', '.join(corpus.label(r) for r in targets)} "
                        f"{'does' if len(targets) == 1 else 'do'} not cover what the question "
                        "asks about.",
                    ),
                    hits,
                )
            return _abstain(Abstention(AbstainReason.NO_SUPPORTING_PASSAGE), hits)
        if plan.comparison and len(plan.sides) > 1:
            return self._comparison(plan, per_side, corpus, hits)
        best = found[0]
        if plan.enumerate and not plan.fact:  # one printed fact is one answer, not a list
            matches = self._matching_items(best, hits, corpus, terms)
            if len(matches) > 1:
                return _listed(corpus.label(best.hit.report_id), matches)
        whole = _list_asked_by_heading(plan, best, corpus, terms)
        if whole:
            return _listed(corpus.label(best.hit.report_id), whole, best.hit.section)
        if _asks_for_person(plan):
            best = _told_in_a_sentence(best, hits, corpus, terms, self._quote)
        if (
            plan.role
            and not (plan.comparison or plan.inherited)
            and not holds_role(plan, best.hit, corpus)
            # the report's own record of who holds it ("The head of service, Colette Ashby-Marr"
            # for "Who runs the youth justice service?"), whatever words the role is asked in,
            # when the question reads surely enough as asking for that record
            and not (
                plan.intent.probability >= ROLE_FACT_SURE and _carries_fact(plan, best.hit, corpus)
            )
        ):
            # "Who is the parenting worker?": a passage naming the resettlement worker is no
            # answer; one of the best few naming the role and a person is, else none (or, read
            # surely as the fact, one of them printing its record: "Head of service | Tom
            # Akinyemi" for "who runs the youth justice service now?")
            places = set(corpus.areas)
            sure = plan.intent.probability >= ROLE_FACT_SURE
            other = next(
                (
                    h
                    for h in hits[:ROLE_HITS]
                    if (
                        holds_role(plan, h, corpus)
                        and prints_person(
                            h.text,
                            places,
                            corpus.lower_words,
                            _named_by_question(plan, corpus, asked=True),
                        )
                    )
                    or (sure and _carries_fact(plan, h, corpus))
                ),
                None,
            )
            if other is None:
                return _abstain(
                    Abstention(
                        AbstainReason.NO_SUPPORTING_PASSAGE,
                        f"No paragraph found names {_role_as_asked(plan.role, plan.question)}.",
                    ),
                    hits,
                )
            best = Cited(other, self._quote(other, terms))
        figure = None
        if not _asks_for_person(plan) and (plan.quantity or plan.fact):
            best, figure = _figure_told_in_a_sentence(plan, best, corpus, hits)
        # asked to sum up a topic ("Summarise what the screening found on public protection"):
        # the part's other paragraphs too, not only its closest (the overall picture takes its
        # report's summary paragraphs instead: `_rest_of_summary`)
        sum_up = bool(HEADLINE.search(plan.question)) and not (
            plan.fact or plan.quantity or plan.overall
        )
        cited = [best] + (
            self._same_topic(best, hits, corpus, terms, whole=sum_up)
            if plan.summary or sum_up
            else []
        )
        if HEADLINE.search(plan.question) and not (plan.overall or plan.comparison or plan.fact):
            verdict = self._verdict_on_topic(best, hits, corpus, terms)
            if verdict is not None:
                cited = [verdict, *cited]
        if plan.overall and not plan.comparison:
            cited += self._rest_of_summary(best, hits, terms)
            grade = _overall_grade(best, corpus)
            # the report's sentence giving its overall grade is its verdict: it leads
            told = [g for g in grade if corpus.metas[g.hit.row]["kind"] not in NOT_TOLD]
            cited = told + cited + [g for g in grade if g not in told]
            if not told and not plan.fact and _whole_report(plan):
                # a letter with no grade gives its verdict on the whole in a paragraph that
                # opens as one ("Overall, we found …"), wherever it stands: it leads
                verdict = _verdict(cited[0], corpus)
                if verdict is not None:
                    cited = [verdict, *(c for c in cited if c.hit.row != verdict.hit.row)]
        if plan.rating or plan.fact == "overall_rating":
            cited = _with_statement(cited, corpus, asks_why=asks_why(plan))
        if plan.fact == "overall_score" and not plan.comparison:
            # a score line ("Score: 21/36") beside the grade it gives, where another line says it
            cited += _overall_grade(cited[0], corpus)
        if names_nation(plan.question) and not plan.comparison:
            # "first-time entrants vs national": the service's own row of the measure leads the
            # nation's row the search found ("… | England and Wales | 148" under "… | Kestrelford
            # | 187"): the question sets the two side by side
            own = _own_row_beside(cited[0].hit, corpus)
            if own is not None:
                # (asked for the nation's figure first, "the national rate beside Pellmoor's",
                # the nation's row leads)
                mine = [Cited(own, own.text)]
                cited = (
                    cited[:1] + mine + cited[1:] if _nation_first(plan, corpus) else mine + cited
                )
        if plan.fact == "reoffending_rate" and names_nation(plan.question):
            # "How does it compare with the national figure?": the national rate its report
            # prints on a row of its own ("Proven reoffending rate, England and Wales | 31.2%")
            cited += _national_rate_beside(cited[0], corpus)
        # The answer leads with what was asked for (a date, name, grade or number, in bold) and
        # the sentence that answers, verbatim; which report and paragraph it is belongs to the
        # citation. No yes/no verdict is put before it: a quote's wording
        # ("not", "but") does not settle what the question asked, so the quote speaks for itself.
        if plan.quantity and figure is None and not _asks_for_person(plan):
            cited[0] = _quoted_with_number(plan, cited[0], terms, corpus, self._closeness)
        lead = cited[0].quote
        span = (
            _word_span(lead, figure)
            if figure
            else _recorded_value_span(plan, cited[0], corpus)
            or _role_person(plan, cited[0], corpus)
            or answering_span(plan, lead, corpus)
        )
        if span is not None:
            at = _answering_sentence(lead, span)
            if at > 0:  # still one verbatim stretch, from the sentence that answers
                lead, span = lead[at:], (span[0] - at, span[1] - at)
                cited[0] = Cited(cited[0].hit, lead)
        text = _lead(lead, span) + f"“{lead}” [1]"
        for n, more in enumerate(cited[1:], start=2):
            text += f"\n\n“{more.quote}” [{n}]"
        return Draft(text=text, cited=cited)

    def _same_topic(
        self,
        best: Cited,
        hits: list[Hit],
        corpus: Corpus,
        terms: dict[str, float],
        whole: bool = False,
    ) -> list[Cited]:
        """Further numbered paragraphs of the same section on the same topic ("What did the
        report say about MAPPA?" is answered by every paragraph about MAPPA there). Asked to
        sum up (`whole`: "Summarise what the screening found on public protection"), the
        section's other paragraphs among the best few, in the report's order: a summary of a
        part is more than its closest paragraph."""
        if whole:
            rows = {
                h.row: h
                for h in reversed(hits[1:SUMMARY_HITS])
                if h.report_id == best.hit.report_id
                and h.section == best.hit.section
                and h.row >= 0
                and h.row != best.hit.row
                and h.kind in ("numbered", "prose")
            }
            part = sorted(rows.values(), key=lambda h: -h.score)[:SUMMARY_PARAGRAPHS]
            part.sort(key=lambda h: corpus.metas[h.row].get("order", 0))
            return [Cited(h, self._quote(h, terms)) for h in part]
        top = corpus.coverage(terms, best.hit.row)
        out = []
        for h in hits[1:4]:
            if (
                h.section == best.hit.section
                and best.hit.kind == "numbered"
                and top > 0
                and _as_close(best.hit, h, corpus, terms, top)
            ):
                out.append(Cited(h, self._quote(h, terms)))
        return out[:2]

    def _verdict_on_topic(
        self, best: Cited, hits: list[Hit], corpus: Corpus, terms: dict[str, float]
    ) -> Cited | None:
        """The headline on a topic ("How's our out-of-court work looking, in brief?"): a
        paragraph among the best few of the same report in its foreword or summary
        (`lexicon.VERDICT_HEADINGS`, `SUMMARY_HEADINGS`) that names every kind of case the
        question names and a word of its topic ("Out-of-court disposal work is a real
        strength."), quoted from where it names them. None when the best passage is one."""
        verdict_parts = set(lexicon.SUMMARY_HEADINGS) | set(lexicon.VERDICT_HEADINGS)

        def in_verdict(h: Hit) -> bool:
            return h.section.strip().lower() in verdict_parts

        if in_verdict(best.hit) or not terms:
            return None
        kinds = _case_kinds(terms)
        for h in hits[:HEADLINE_HITS]:
            if h.report_id != best.hit.report_id or h.row < 0 or not in_verdict(h):
                continue
            said = [s for s in sentences(h.text) if set(tokens(s)) & terms.keys()]
            if said and all(any(set(tokens(s)) & k for s in said) for k in kinds):
                return Cited(h, self._quote(h, terms))
        return None

    def _rest_of_summary(
        self, best: Cited, hits: list[Hit], terms: dict[str, float]
    ) -> list[Cited]:
        """For the overall picture: the other retrieved paragraphs of the report's summary
        (the section the best one is in, when that is a summary heading), best first. A
        summary is several paragraphs; one of them is not the report's verdict."""
        if best.hit.section.strip().lower() not in lexicon.SUMMARY_HEADINGS:
            return []
        more = [
            h
            for h in hits
            if h.report_id == best.hit.report_id
            and h.row != best.hit.row
            and h.section == best.hit.section
            and h.kind != "table_row"
        ]
        return [Cited(h, self._quote(h, terms)) for h in more[: SUMMARY_PARAGRAPHS - 1]]

    def _detail_behind(
        self, c: Cited, side_hits: list[Hit], corpus: Corpus, terms: dict[str, float]
    ) -> Cited | None:
        """A side quoted from a list item or an unnumbered line (a key strength, an area for
        improvement, a summary sentence) restates a finding; the numbered paragraph behind it,
        ranked close and printing as much of what is asked, gives the detail (the figures)."""
        if c.hit.paragraph and c.hit.kind == "numbered":
            return None
        if c.hit.kind == "prose" and len(sentences(c.hit.text)) > 1:
            return None  # a paragraph of its own findings ("Context"), not a line restating one
        top = corpus.coverage(terms, c.hit.row) if terms else 0.0
        for h in side_hits[:DETAIL_WITHIN]:
            if h.row != c.hit.row and h.paragraph and _as_close(c.hit, h, corpus, terms, top):
                return Cited(h, self._quote(h, terms))
        return None

    def _quote(
        self,
        hit: Hit,
        terms: dict[str, float],
        plan: Plan | None = None,
        corpus: Corpus | None = None,
    ) -> str:
        sents = sentences(hit.text)
        if len(hit.text) <= MAX_QUOTE or len(sents) <= 2:
            return _verbatim(hit.text)
        # the best window of two adjacent sentences: a quote is one verbatim stretch of text
        weight = [sum(w for t, w in terms.items() if t in set(tokens(s))) for s in sents]
        pairs = [weight[i] + weight[i + 1] for i in range(len(sents) - 1)]
        tied = [i for i, w in enumerate(pairs) if w >= max(pairs) - 1e-9]
        # no sentence prints a word of the question ("headcount … back in 2015?"; "employed
        # 31 staff" answers): the window holding the sentence closest in meaning. Not for a
        # summary, whose paragraph opens with its verdict, nor for a name or date asked for,
        # which the answer's span finds in the paragraph (`_answering_sentence`)
        by_meaning = (
            plan is not None
            and len(tied) > 1
            and max(pairs) <= 0.0
            and not (plan.summary or plan.overall or plan.wants)
        )
        close = self._closeness(plan, sents) if by_meaning else [0.0] * len(sents)
        # a name or date asked for: the window that prints one ("Which inspector was in
        # charge …?" is answered by "The inspection was led by …", not the paragraph's opening)
        prints = [False] * len(sents)
        if plan is not None and corpus is not None and plan.wants in ("person", "date"):
            if len(tied) > 1:
                prints = [answering_span(plan, s, corpus) is not None for s in sents]
        start = max(
            tied, key=lambda i: (prints[i] or prints[i + 1], max(close[i], close[i + 1]), -i)
        )
        return _verbatim(" ".join(sents[start : start + 2]))

    def _closeness(self, plan: Plan | None, texts: list[str]) -> list[float]:
        """Cosine of the question (its own words, without the places and years that picked the
        reports) to each text, by the embedding model; all 0.0 without one."""
        if self.embedder is None or plan is None or not texts:
            return [0.0] * len(texts)
        asked = plan.own_ask if plan.inherited and plan.own_ask else plan.lexical_text
        # the service's name and the reports' nouns picked the reports, as places and years
        # did: every sentence of them is about the service ("headcount of … youth offending
        # service" is nearest the sentence naming it, not the one counting its staff)
        ws = words(asked)
        named = {i for a, b in SERVICE_NAME.spans(ws) for i in range(a, b)}
        kept = [w for i, w in enumerate(ws) if i not in named and w not in REPORT_NAMES]
        vectors = self.embedder.embed([" ".join(kept) or asked, *texts])
        return [sum(a * b for a, b in zip(vectors[0], v, strict=True)) for v in vectors[1:]]

    @staticmethod
    def _matching_items(
        best: Cited, hits: list[Hit], corpus: Corpus, terms: dict[str, float]
    ) -> list[Cited]:
        """Every row or bullet of one list that matches the question as well as the best one
        ("Which standards were rated Good?" lists each "Good" row of the ratings table)."""
        if best.hit.kind not in ("table_row", "bullet"):
            # a prose paragraph came first, but a list's items may match as well as it does
            # (by words, and ranked about as high: words alone picked copy-list rows naming an
            # "Inspectorate" over the closing prose that names the lead inspector)
            first = corpus.coverage(terms, best.hit.row)
            items = [
                h
                for h in hits
                if h.kind in ("table_row", "bullet")
                and h.report_id == best.hit.report_id
                and corpus.coverage(terms, h.row) >= first - 1e-6
                and h.score >= best.hit.score - SAME_TOPIC_MARGIN
            ]
            if len(items) < 2:
                return [best]
            best = Cited(items[0], _verbatim(items[0].text))
        top = corpus.coverage(terms, best.hit.row)
        same = [
            h
            for h in hits
            if h.report_id == best.hit.report_id
            and h.section == best.hit.section
            and h.kind == best.hit.kind
            and corpus.coverage(terms, h.row) >= top - 1e-6
        ]
        same.sort(key=lambda h: h.row)
        return [Cited(h, _verbatim(h.text)) for h in same] or [best]

    # --- the parts ------------------------------------------------------------------------

    def _best_supported(
        self,
        plan: Plan,
        hits: list[Hit],
        terms: dict[str, float],
        corpus: Corpus,
        missing: bool = False,
    ) -> Cited | None:
        """The best passage that prints what is asked (among the first few), if the evidence
        that it answers the question is strong enough (`evidence`)."""
        found = candidate(plan, hits, terms, corpus, missing)
        if found is None:
            return None
        hit, features = found
        if (
            evidence(**features) < self.min_evidence
            and not _whole_report(plan)
            and not _recorded_answer(plan, hit, corpus)
        ):
            return None
        if asks_why(plan):
            # the reasons follow the verdict through the paragraph ("Reviewing is rated
            # Inadequate. … only 7 of the 20 … four months …"): all of it, up to the cap
            return Cited(hit, _verbatim(hit.text))
        return Cited(hit, self._quote(hit, terms, plan, corpus))

    def _list(self, plan: Plan, hits: list[Hit], corpus: Corpus) -> Draft | None:
        cited: list[Cited] = []
        blocks: list[tuple[str, str, list[int]]] = []
        for side_no, side in enumerate(plan.sides):
            reports = side.report_ids if side.report_ids is not None else []
            side_hits = [h for h in hits if h.side == side_no]
            if len(reports) != 1 and side_hits:
                reports = [side_hits[0].report_id]  # the report the evidence points at
            for rid in reports[:1] if not plan.comparison else reports:
                rows = _list_rows(corpus, rid, plan.list_sections)
                if rows:
                    blocks.append((rid, corpus.metas[rows[0]]["section"], rows))
        if not blocks:
            return None
        if not list_evidenced(plan, hits, corpus):
            return None
        lines: list[str] = []
        for rid, section, rows in blocks:
            lines.append(f"{corpus.label(rid)} lists {len(rows)} {section.lower()}:")
            for row in rows:
                hit = hit_from_row(corpus, row, score=1.0)
                cited.append(Cited(hit, _verbatim(hit.text)))
                lines.append(f"- “{_verbatim(hit.text)}” [{len(cited)}]")
        return Draft(text="\n".join(lines), cited=cited)

    def _comparison(
        self, plan: Plan, per_side: list[Cited | None], corpus: Corpus, hits: list[Hit]
    ) -> Draft:
        lines: list[str] = []
        cited: list[Cited] = []
        for side_no, (side, c) in enumerate(zip(plan.sides, per_side, strict=True)):
            terms = _question_terms(_as_asked_of(plan, side), corpus)
            if c is None:
                lines.append(f"- **{side.label}**: the report does not say.")
                continue
            # sides within one report (two services of a thematic, two things asked of it) are
            # named by what they are
            name = side.label if side.focus or side.query else corpus.label(c.hit.report_id)
            earlier = next((n for n, x in enumerate(cited, 1) if x.hit.row == c.hit.row), None)
            if earlier is not None:  # one paragraph tells of both
                lines.append(f"- **{name}**: “{c.quote}” [{earlier}]")
                continue
            detail = self._detail_behind(c, [h for h in hits if h.side == side_no], corpus, terms)
            # the numbered finding leads (its figures), the line restating it follows
            quoted = [detail, c] if detail is not None else [c]
            parts = []
            for q in quoted:
                cited.append(q)
                parts.append(f"“{q.quote}” [{len(cited)}]")
            lines.append(f"- **{name}**: " + " ".join(parts))
        head = "Each side, in the reports' own words:"
        return Draft(text=head + "\n" + "\n".join(lines), cited=cited)


def _person_on_record(plan: Plan, c: Cited | None, corpus: Corpus) -> Cited | None:
    """A side of a comparison of who held a post ("head of service 2017 vs 2022") whose
    passage names no one (the address block's role line, "Head of Youth Offending Service"):
    its report's one record of that person, where it has one; else the passage."""
    places = set(corpus.areas)
    if c is None or prints_person(c.quote, places, corpus.lower_words):
        return c
    return _one_record(corpus, c.hit.report_id, plan.fact, c.hit.score) or c


def _one_record(corpus: Corpus, report_id: str, fact: str | None, score: float) -> Cited | None:
    """The report's record of the fact, quoted, where it has exactly one; else None."""
    records = [(row, r) for row, r in facts_of(corpus, report_id, fact) if r.get("text")]
    if len(records) != 1:
        return None
    row, r = records[0]
    return Cited(hit_from_row(corpus, row, score=score), r["text"])


def _number_on_record(plan: Plan, side: Side, c: Cited | None, corpus: Corpus) -> Cited | None:
    """A side of a comparison of a figure its report records ("How did the number of cases
    inspected change between the 2016 screening and the 2020 inspection?") whose passage is
    not that record (a finding on reviewing that counts other cases): its report's one record
    of the figure, where it has one and the question reads as asking it surely enough
    (`COMPARED_FACT_SURE`); else the passage."""
    if plan.intent.probability < COMPARED_FACT_SURE or (
        c is not None and _carries_fact(plan, c.hit, corpus)
    ):
        return c
    reports = side.report_ids or ([c.hit.report_id] if c is not None else [])
    if len(reports) != 1:
        return c
    return _one_record(corpus, reports[0], plan.fact, c.hit.score if c else 0.0) or c


def _as_asked_of(plan: Plan, side: Side) -> Plan:
    """The plan of one side's own question, where it has one (`Side.query`)."""
    return replace(plan, question=side.query, search_text=side.query) if side.query else plan


def _as_close(best: Hit, h: Hit, corpus: Corpus, terms: dict[str, float], top: float) -> bool:
    """A numbered finding of the same report ranked close to `best` (within SAME_TOPIC_MARGIN)
    and printing as much of what is asked (at least 0.8 of `top`, `best`'s coverage)."""
    return (
        h.report_id == best.report_id
        and h.kind == "numbered"
        and h.score >= best.score - SAME_TOPIC_MARGIN
        and corpus.coverage(terms, h.row) >= 0.8 * top
    )


def _fact_untold(plan: Plan, corpus: Corpus) -> str | None:
    """What the answer says when the question asks a fact its reports always record where they
    print it (`RECORDED_WHEN_TOLD`) and none of the reports it targets does: "What overall
    grade did the 2017 screening give us?" of an ungraded letter is not answered by another
    grade. It must read surely as asking the fact (UNTOLD_FACT_SURE), or less surely
    (UNTOLD_ELSEWHERE_SURE) where another report of the area records it ("What score out of
    36 did we get in the screening?": the later inspection's score is the one there is). None
    otherwise."""
    what = RECORDED_WHEN_TOLD.get(plan.fact or "")
    targets = plan.report_ids or []
    sure = plan.intent.probability
    if (
        what is None
        or not targets
        or plan.comparison
        or sure < UNTOLD_ELSEWHERE_SURE
        or any(
            prints_fact(corpus.metas[i], plan.fact)
            for r in targets
            for i in corpus.by_report.get(r, [])
        )
    ):
        return None
    elsewhere = _recorded_by_another(plan.fact or "", targets, corpus)
    if sure < UNTOLD_FACT_SURE and elsewhere is None:
        return None
    if elsewhere and str(corpus.reports[elsewhere].get("year")) in YEAR.findall(plan.question):
        # the question names the year of the report that gives it ("After the 2016 screening,
        # what was the plan's deadline …?", read as the report after 2016): not untold
        return None
    said = (
        f"{', '.join(corpus.label(r) for r in targets)} "
        f"{'does' if len(targets) == 1 else 'do'} not give {what}"
    )
    return f"{said}; {corpus.label(elsewhere)} does." if elsewhere else f"{said}."


def _recorded_by_another(fact: str, targets: list[str], corpus: Corpus) -> str | None:
    """Another report of the targeted reports' area that records the fact (the first stored);
    None when none does."""
    return next(
        (
            r
            for r in _others_of_area(targets, corpus)
            if any(prints_fact(corpus.metas[i], fact) for i in corpus.by_report.get(r, []))
        ),
        None,
    )


def _others_of_area(targets: list[str], corpus: Corpus) -> list[str]:
    """The stored reports of the targeted reports' area(s) that are not targeted, in order."""
    areas = {corpus.reports[r].get("area") for r in targets}
    return [
        r for r in corpus.reports if r not in targets and corpus.reports[r].get("area") in areas
    ]


def _told_only_in_another(
    plan: Plan, hits: list[Hit], corpus: Corpus, embedder: Embedder | None
) -> str | None:
    """Asked of one report a thing only another report of its area tells of (a figure for the
    other year: "What was sickness absence at the 2015 screening?" where only the 2021
    inspection gives it), the sentence saying so; None otherwise. It is so when the words the
    targeted reports never print carry at least half the question's weight and are rare words
    (fewer than a quarter of the reports print them: not a paraphrase's "fix" or "behind"), a
    paragraph of another report of the area prints every word of the question, and that
    paragraph is closer in meaning to the question than the best the targeted reports have. A
    "who" question is left to its answer: a name is printed without the words of the act
    ("who signed it off?")."""
    targets = plan.report_ids or []
    if not targets or plan.comparison or plan.wants == "person":
        return None
    others = _others_of_area(targets, corpus)
    if not others:
        return None
    text = plan.own_ask if plan.inherited and plan.own_ask else plan.lexical_text
    terms = corpus.question_terms(text)
    have = set().union(*(corpus.report_terms.get(r, set()) for r in targets))
    absent = {t: w for t, w in terms.items() if t not in have}
    if (
        not absent
        or 2 * sum(absent.values()) < sum(terms.values())
        or any(
            corpus.reports_printing(t) >= RARE_REPORT_SHARE * len(corpus.reports) for t in absent
        )
    ):
        return None
    told = [
        (r, row)
        for r in others
        for row in corpus.by_report.get(r, [])
        if set(terms) <= corpus.row_terms[row]
    ]
    if not told or embedder is None or corpus.vectors is None:
        return None
    asked = np.asarray(embedder.embed([plan.search_text])[0], dtype=np.float32)
    best = max((h.dense for h in hits[:EVIDENCE_HITS]), default=0.0)
    closer = next((r for r, row in told if float(corpus.vectors[row] @ asked) > best), None)
    if closer is None:
        return None
    lacking = " ".join(w for w in words(text) if set(tokens(w)) & set(absent))
    return (
        f"{', '.join(corpus.label(t) for t in targets)} "
        f"{'does' if len(targets) == 1 else 'do'} not mention “{lacking}”; "
        f"{corpus.label(closer)} does."
    )


def _rate_not_given(plan: Plan, hits: list[Hit], corpus: Corpus) -> str | None:
    """A rate asked for (read surely as the reoffending rate's fact, or named: "What was
    Mossbridge's reoffending rate at the time of the 2016 screening?") that no targeted report
    gives: none records it, and no sentence of theirs names the measure with a rate. A count of
    cases ("21 of the 22 cases") or a share of work done well ("73% of the cases") is no such
    rate. The sentence why none is given; None when one may be."""
    fact = plan.fact or ""
    targets = plan.report_ids or []
    asked = words(plan.own_ask or plan.question)
    sure = fact.endswith("_rate") and plan.intent.probability >= FACT_SURE
    measure = measure_words(plan.own_ask or plan.question, corpus.place_words)
    if not (sure or measure) or "rate" not in asked or plan.comparison or not targets:
        return None
    if sure and any(
        r.get("subject") == fact for rid in targets for _, r in corpus.records.get(rid, ())
    ):
        return None
    if not measure:
        measure = fact.split("_")[:-1]
    stems = {stem(w) for m in measure for w in words(m.replace("-", ""))}
    if not stems:
        return None
    for rid in targets:
        for row in corpus.by_report.get(rid, []):
            for sentence in sentences(corpus.texts[row]) or [corpus.texts[row]]:
                ws = words(sentence.replace("-", ""))
                # named with a rate, or with a share that is not of the cases inspected ("14%
                # had reoffended within 12 months"; not "in 71% of the cases")
                share = ("%" in sentence or "per cent" in sentence) and "cases" not in ws
                # a count per head of a population is a rate ("First-time entrants per 100,000
                # children aged 10 to 17 | 142")
                if stems <= {stem(w) for w in ws} and (
                    {"rate", "rates"} & set(ws) or share or _per_head(ws)
                ):
                    return None
    name = " ".join([*measure, "rate"])
    labels = [corpus.label(r) for r in targets]
    return f"{', '.join(labels)} {'gives' if len(labels) == 1 else 'give'} no {name}."


def _group_not_given(plan: Plan, hits: list[Hit], corpus: Corpus) -> str | None:
    """A rate asked of a part of the service's children ("What is the reoffending rate for
    children given out-of-court disposals?", "… for children who went through Step Aside?") is
    answered only by a passage that gives the rate and names that part. The part is named by
    the question's concepts (words some report uses in a heading: a kind of disposal, a
    programme) that the targeted reports print but the closest passages giving the rate do not;
    the service's, the nation's and the measure's own words name no part. The sentence why;
    None when the question names no part, or a close passage gives the part's rate."""
    measure = measure_words(plan.own_ask or plan.question, corpus.place_words)
    if not measure or "average" in measure or plan.comparison:
        return None
    targets = plan.report_ids or list(dict.fromkeys(h.report_id for h in hits))
    have = set().union(*(corpus.report_terms.get(r, set()) for r in targets))
    framing = (
        set(tokens(" ".join([*measure, "rate", *lexicon.NATIONAL_CUES])))
        | {stem(w) for w in corpus.place_words}
        | NOT_CONCEPTS
        | SERVICE_INITIALS
    )
    terms = _question_terms(plan, corpus)
    part = [
        t
        for t in terms
        if t in corpus.heading_terms and t not in framing and (t in have or synonyms(t) & have)
    ]
    giving = [
        h
        for h in hits[:FACT_HITS]
        if h.row >= 0 and names_measure(measure, h, corpus) and _rate_told_of(measure, h)
    ]
    if not part or not giving:
        return None
    for h in giving:
        # (its own words and headings: a note defining the rate's cohort, "children who
        # received a caution (out-of-court disposal) or conviction", gives no part's rate)
        meta = corpus.metas[h.row]
        shown = set(tokens(" ".join([h.text, meta.get("section_path") or meta["section"]])))
        if all(t in shown or synonyms(t) & shown for t in part):
            return None
    labels = [corpus.label(r) for r in targets]
    return (
        f"{', '.join(labels)} {'gives' if len(labels) == 1 else 'give'} no "
        f"{' '.join(measure)} rate for {_asked_words(plan, part)}."
    )


def _asked_words(plan: Plan, stems: list[str]) -> str:
    """The question's own words whose stems these are, in its order, with the capitalised
    words of a name they are part of ("out-of-court disposals", "Step Aside")."""
    ws = (plan.own_ask or plan.question).rstrip("?.!").split()
    keep = {i for i, w in enumerate(ws) if set(tokens(w)) & set(stems)}
    for i in sorted(keep):
        j = i + 1
        while ws[i][:1].isupper() and j < len(ws) and ws[j][:1].isupper():
            keep.add(j)
            j += 1
    return " ".join(ws[i] for i in sorted(keep)) or " ".join(stems)


def _nation_not_given(plan: Plan, hits: list[Hit], corpus: Corpus) -> str | None:
    """A question that sets the service's figure against the national one ("How does our
    CAMHS wait compare with the national average?") is answered only by a report that gives a
    national figure: none of the closest passages found (NATION_HITS) names the nation (in its
    text, its table's header cells or its headings) or holds a national rate record: a
    national reoffending rate further down gives no national figure for a waiting time. The
    sentence why; None when one may be given."""
    if not names_nation(plan.question) or plan.comparison or plan.fact == "reoffending_rate":
        return None  # (a report's national reoffending rate is a record: `_national_rate_beside`)
    # (and of the measure asked: "the England and Wales average caseload" is not given by a
    # passage setting the area's reoffending rate beside the nation's)
    measure = measure_words(plan.question, corpus.place_words)
    nation = set(tokens(" ".join(lexicon.NATIONAL_CUES)))
    terms = {t: w for t, w in _question_terms(plan, corpus).items() if t not in nation}
    if any(
        _names_nation_at(h, corpus) and names_measure(measure, h, corpus, terms)
        for h in hits[:NATION_HITS]
    ):
        return None
    targets = plan.report_ids or list(dict.fromkeys(h.report_id for h in hits))
    labels = [corpus.label(r) for r in targets]
    return (
        f"{', '.join(labels)} {'gives' if len(labels) == 1 else 'give'} no national figure to "
        "set beside the service's."
    )


def _names_nation_at(hit: Hit, corpus: Corpus) -> bool:
    """Does the passage name the nation's figure: its text, its table's header cells or its
    headings, or a national rate its report records on it?"""
    meta = corpus.metas[hit.row]
    shown = " ".join(
        [hit.text, *(meta.get("columns") or []), meta.get("section_path") or meta["section"]]
    )
    return names_nation(shown) or any(
        row == hit.row and r.get("subject") == NATIONAL_RATE
        for row, r in corpus.records.get(hit.report_id, [])
    )


def _national_figure(hit: Hit, corpus: Corpus) -> bool:
    """Does the passage give its report's national figure alone (a national rate record, no
    figure of the service's own beside it; or a table row whose label names the nation, not
    the area: "Binary reoffending rate, England and Wales | 32.2%", whose rate a sentence of
    the report had already given as the national one)?"""
    subjects = {
        r.get("subject")
        for row, r in corpus.records.get(hit.report_id, [])
        if row == hit.row and r.get("kind") == "fact"
    }
    if NATIONAL_RATE in subjects and "reoffending_rate" not in subjects:
        return True
    if hit.kind != "table_row" or "reoffending_rate" in subjects:
        return False
    cells = hit.text.split(" | ")
    label = cells[0].lower()
    area = (corpus.reports.get(hit.report_id, {}).get("area") or "").lower()
    return len(cells) == 2 and names_nation(label) and not (area and area in label)


def _nation_first(plan: Plan, corpus: Corpus) -> bool:
    """Does the question name the nation's figure before the area whose figure it is beside?"""
    q = plan.question.lower()
    nation = min((q.find(c) for c in lexicon.NATIONAL_CUES if c in q), default=-1)
    area = min((q.find(a.lower()) for a in plan.areas if a.lower() in q), default=-1)
    return nation >= 0 and area >= 0 and nation < area


def _own_row_beside(hit: Hit, corpus: Corpus) -> Hit | None:
    """The table row next to a national figure's row (`hit`: a cell before its value names the
    nation) that gives the same measure for the service: the same label, a cell naming the
    report's area where the nation's stood. None when there is none."""
    cells = hit.text.split(" | ")
    if hit.kind != "table_row" or len(cells) < 2 or not any(map(names_nation, cells[:-1])):
        return None
    area = (corpus.reports.get(hit.report_id, {}).get("area") or "").lower()
    rows = corpus.by_report.get(hit.report_id, [])
    at = rows.index(hit.row) if hit.row in rows else -1
    for row in (
        rows[at - 1] if at > 0 else None,
        rows[at + 1] if 0 <= at < len(rows) - 1 else None,
    ):
        if row is None or corpus.metas[row].get("kind") != "table_row":
            continue
        other = corpus.texts[row].split(" | ")
        labelled = len(other) == len(cells) and other[0] == cells[0] and len(cells) > 2
        if (labelled or (area and area in other[0].lower())) and not any(
            map(names_nation, other[:-1])
        ):
            return hit_from_row(corpus, row, score=hit.score)
    return None


def _national_rate_beside(best: Cited, corpus: Corpus) -> list[Cited]:
    """The national reoffending rate best's report records on another paragraph than best's;
    none where best's paragraph tells it too (a sentence setting the two side by side)."""
    found = national_rate_beside(corpus, best.hit.report_id, best.hit.row)
    return [Cited(hit_from_row(corpus, found[0], score=1.0), found[1]["text"])] if found else []


OPENS_A_VERDICT = tuple(lexicon.SUMMARY_OPENERS)


def _verdict(best: Cited, corpus: Corpus) -> Cited | None:
    """The first paragraph of best's report, in reading order, that opens as its verdict on
    the whole ("Overall, we found that …", lexicon SUMMARY_OPENERS); None when none does, or
    when the report has a summary under its own heading (the search favours that already)."""
    rows = corpus.by_report.get(best.hit.report_id, [])
    if any(corpus.metas[r]["section"].strip().lower() in lexicon.SUMMARY_HEADINGS for r in rows):
        return None
    for row in rows:  # (a report's rows are in reading order)
        text = corpus.texts[row]
        if corpus.metas[row]["kind"] in ("prose", "numbered") and text.lstrip().lower().startswith(
            OPENS_A_VERDICT
        ):
            return Cited(hit_from_row(corpus, row, score=best.hit.score), text)
    return None


def _overall_grade(best: Cited, corpus: Corpus) -> list[Cited]:
    """For the overall picture of a rated report: where it prints its overall grade (its
    record), when the passage quoted does not say it."""
    for row, r in records_of(corpus, best.hit.report_id, "fact"):
        if r.get("subject") == "overall_rating" and r.get("text") and row != best.hit.row:
            if (r.get("value") or "").lower() not in best.quote.lower():
                return [Cited(hit_from_row(corpus, row, score=best.hit.score), r["text"])]
    return []


def _role_as_asked(role: str, question: str) -> str:
    """The role as the question writes it ("the YOS health worker", not "the yos health
    worker"); a role asked by what its holder does stays as it is ("who chairs the board")."""
    if role.startswith("who "):
        return role
    ws, at, want = words(question), word_spans(question), role.split()
    for i in range(len(ws) - len(want) + 1):
        if ws[i : i + len(want)] == want:
            role = question[at[i][0] : at[i + len(want) - 1][1]]
            break
    return f"the {role}"


def _listed(label: str, items: list[Cited], heading: str | None = None) -> Draft:
    """ "<report> lists N:" (or "lists N under “<heading>”:", the list's own heading, where
    the heading is what answers) and each item quoted, cited in order."""
    under = f" under “{heading}”" if heading else ""
    lines = [f"{label} lists {len(items)}{under}:"]
    lines += [f"- “{c.quote}” [{n}]" for n, c in enumerate(items, start=1)]
    return Draft(text="\n".join(lines), cited=items)


def _list_asked_by_heading(
    plan: Plan, best: Cited, corpus: Corpus, terms: dict[str, float]
) -> list[Cited]:
    """A question answered by a list's heading, not by any of its rows ("Who got a copy of
    the letter?": "Copy to" heads the rows, none of which says "copy"): every row of that
    list, in order. None when a row prints a word of the question itself (the row it names is
    the answer: "Who is the Police and Crime Commissioner?"), or a number or date is asked."""
    hit = best.hit
    if (
        not (hit.kind in ("table_row", "bullet") or (hit.kind == "prose" and _a_line(hit.text)))
        or hit.row < 0
        or plan.quantity
        or plan.wants == "date"
        or plan.comparison
        or not terms
    ):
        return []
    heading = set(tokens(hit.section))
    if not any(t in heading for t in terms):
        return []
    rows = [
        i
        for i in corpus.by_report.get(hit.report_id, [])
        if corpus.metas[i]["section"] == hit.section and corpus.metas[i]["kind"] == hit.kind
    ]
    # (a row names it in full where the question uses its acronym: "the PCC"; the place the
    # question names is no word of a row's own: "… Chief Executive, Rookhaven Borough Council")
    asked = set(terms) - corpus.place_words
    if (
        not MIN_LISTED <= len(rows) <= MAX_LISTED
        or any(
            set(tokens(corpus.texts[i] + " " + expansions_in(corpus.texts[i], corpus.acronyms)))
            & asked
            for i in rows
        )
        # lines of prose are a list only where each is a line, no sentence (a copy list
        # printed without its table)
        or (hit.kind == "prose" and not all(_a_line(corpus.texts[i]) for i in rows))
    ):
        return []
    rows.sort(key=lambda i: corpus.metas[i].get("order", 0))
    return [
        Cited(hit_from_row(corpus, i, score=hit.score), _verbatim(corpus.texts[i])) for i in rows
    ]


def _a_line(text: str) -> bool:
    """A list's line, no sentence: a few words ending in no stop ("Desmond Aukland, Chief
    Executive, Rookhaven Borough Council")."""
    return len(text.split()) <= MAX_LINE_WORDS and text.rstrip()[-1:] not in ".!?"


def _list_rows(corpus: Corpus, report_id: str, names: tuple[str, ...]) -> list[int]:
    for name in names:
        rows = [
            i
            for i in corpus.by_report.get(report_id, [])
            if corpus.metas[i]["section"].lower() == name
        ]
        items = [i for i in rows if corpus.metas[i]["kind"] in ("bullet", "numbered")]
        if items or rows:
            return items or rows
    return []


def _asks_for_grade(plan: Plan) -> bool:
    """A grade is asked for: only a passage giving one answers (of a report that gives none, no
    passage does: "What grade did the screening give?" is not answered by "good enough in 17
    of the 24 cases")."""
    return plan.rating and not plan.quantity and plan.wants is None


def _gives_grade_or_score(hit: Hit, corpus: Corpus) -> bool:
    """Does the passage give a grade, or, in a report that scores its themes instead of
    grading them ("Protecting the public | 61%": a joint inspection), a score?"""
    if hit.row < 0:
        return False
    if gives_grade(corpus, hit.row):
        return True
    return "%" in hit.text and scores_instead_of_grades(hit.report_id, corpus)


def _change_told_in_words(plan: Plan, hit: Hit, corpus: Corpus) -> bool:
    """A question about change ("And was it any better by 2015?" after "What score did it get
    for risk of harm work in 2012?") asked of a report that neither grades nor scores (a
    screening letter): that report tells the change in words, and a passage need not give a
    grade to answer."""
    return (
        hit.row >= 0
        and bool(CHANGE.search(plan.own_ask or plan.question))
        and not records_of(corpus, hit.report_id, "rating")
        and not scores_instead_of_grades(hit.report_id, corpus)
    )


def _whole_report(plan: Plan) -> bool:
    """Does the question ask for one report's overall picture ("Sum up what the 2017 letter
    concluded")? Every report has one: its words ("sum", "concluded", "overall") frame the ask
    and name no topic a passage must print, and its best passage answers however weakly it
    matches them."""
    return (
        plan.overall
        and plan.intent.label == "summary"
        and plan.report_ids is not None
        and len(plan.report_ids) == 1
    )


def _asks_for_person(plan: Plan) -> bool:
    return plan.wants == "person" or FACT_KINDS.get(plan.fact or "") == "person"


def _people_row(hit: Hit, corpus: Corpus) -> bool:
    """A header field or table row of a role and a name: short, no figures, and a value after
    the label (a cell after the first, or the text after "Label:") prints a person ("Detention
    and Training Orders | 5" is a count, not a person)."""
    if hit.kind not in ("field", "table_row") or len(hit.text) > PEOPLE_ROW_CHARS:
        return False
    if any(c.isdigit() for c in hit.text):
        return False
    cells = hit.text.split(" | ")
    values = cells[1:] if len(cells) > 1 else [hit.text.partition(":")[2]]
    return any(prints_person(v, set(corpus.areas), corpus.lower_words) for v in values)


def _role_line(hit: Hit, corpus: Corpus) -> bool:
    """A "Role: Name" line or row (a header field, a copy-list line, a table row)."""
    if len(hit.text) > PEOPLE_ROW_CHARS or any(c.isdigit() for c in hit.text):
        return False
    label, sep, value = hit.text.partition(" | " if " | " in hit.text else ":")
    return bool(sep) and prints_person(value, set(corpus.areas), corpus.lower_words)


def _told_in_a_sentence(
    best: Cited,
    hits: list[Hit],
    corpus: Corpus,
    terms: dict[str, float],
    quote: Callable[[Hit, dict[str, float]], str],
) -> Cited:
    """A person read off a "Role: Name" line, whom a paragraph among the best few of the same
    report names in a sentence ("The Head of Service, Rhodri Ferrers, took up the post in
    January 2022"): that paragraph, which says more (since when, what before), is quoted."""
    if not _role_line(best.hit, corpus):
        return best
    value = best.hit.text.partition(":")[2] or best.hit.text
    span = person_span(value, set(corpus.areas), corpus.lower_words)
    if span is None:
        return best
    name = value[span[0] : span[1]]
    for h in hits[:SENTENCE_HITS]:
        if (
            h.row != best.hit.row
            and h.report_id == best.hit.report_id
            and h.kind in ("prose", "numbered")
            and not _role_line(h, corpus)
            and name in h.text
        ):
            return Cited(h, quote(h, terms))
    return best


def _field_named(plan: Plan, hit: Hit) -> bool:
    """Does the question name every word of the field's name the passage prints its value
    under ("Cases inspected: 18 (13 community …)" for "quarrowby 2014 screening cases
    inspected"), two words at least? Then it is the field asked for, wherever it ranks."""
    if hit.kind not in ("field", "table_row"):
        return False
    label = hit.text.split(" | ")[0] if " | " in hit.text else hit.text.partition(":")[0]
    named = {stem(w) for w in words(label) if w not in STOPWORDS}
    asked = {stem(w) for w in words(plan.question)}
    return len(named) >= 2 and named <= asked and len(label) < len(hit.text)


def _carries_fact(plan: Plan, hit: Hit, corpus: Corpus) -> bool:
    """The question asks for one fact (by meaning: "How many youngsters' files did they go
    through?" asks for the cases inspected) and the passage is where the report prints it (its
    record, `ingest.records`): what is asked, whatever words the question used."""
    if hit.row < 0 or not prints_fact(corpus.metas[hit.row], plan.fact):
        return False
    # a count answers "how many X" only where it counts X: "How many staff did it employ?" is
    # not answered by the children the service supervised; the fact's own name says what it
    # counts ("how many cases" by the cases inspected, "the cases of 25 children")
    if FACT_KINDS.get(plan.fact or "") != "number":
        return True
    named = {stem(w) for w in (plan.fact or "").split("_")}
    counted = counted_words(plan.question, corpus.place_words)
    # a kind the question counts by a word some heading uses ("How many out-of-court cases
    # …?"), which the fact's passage never prints ("We inspected 26 cases … a court disposal")
    kinds = {t for w in counted if stem(w) not in named for t in tokens(w)} & corpus.heading_terms
    if kinds - set(tokens(hit.text)):
        return False
    if any(stem(w) in named for w in counted):
        return True
    return (
        _prints_number_asked(plan, hit.text, corpus, hit.section_path or hit.section) is not False
    )


def _figure_told_in_a_sentence(
    plan: Plan, best: Cited, corpus: Corpus, hits: Sequence[Hit] = ()
) -> tuple[Cited, str | None]:
    """A figure read off a table row ("Total | 14") that the paragraph introducing the table
    prints in a sentence (`structured.told_above`), or else a retrieved paragraph of the same
    report prints in a sentence that counts what the question counts ("We looked at the quality
    of work with 23 children" beside "Total | 23"): that sentence, which says what the figure
    counts, is quoted; with the figure, which the answer puts first. A grade is no figure:
    "Outstanding, Good, Requires improvement or Inadequate" introduces a table of grades."""
    if best.hit.kind != "table_row":
        return best, None
    span = answering_span(plan, best.quote, corpus)
    figure = best.quote[span[0] : span[1]] if span else ""
    told = told_above(corpus, best.hit.row, figure) if has_number(figure) else None
    if told is None and has_number(figure):
        told = _figure_told_elsewhere(plan, best, corpus, hits, figure)
    if told is None:
        return best, None
    row, sentence = told
    return Cited(hit_from_row(corpus, row, score=best.hit.score), sentence), figure


def _figure_told_elsewhere(
    plan: Plan, best: Cited, corpus: Corpus, hits: Sequence[Hit], figure: str
) -> tuple[int, str] | None:
    """The best retrieved paragraph of the table's report, told in sentences, with a sentence
    that prints the figure as an amount counting what the question counts."""
    counted = counted_words(plan.question, corpus.place_words)
    if not counted:
        return None
    for h in hits:
        if h.report_id != best.hit.report_id or h.row < 0 or h.kind not in ("prose", "numbered"):
            continue
        for said in sentences(h.text):
            # the figure as a count, not as the whole a part is of ("12 of the 15 cases")
            told = [
                m
                for m in amounts(said)
                if m.group(0) == figure and _part_of(said, m.start()) is None
            ]
            if told and any(prints_count(said, stem(w)) for w in counted):
                return h.row, " ".join(said.split())
    return None


def _word_span(text: str, word: str) -> tuple[int, int] | None:
    """Where `word` first stands as a word of `text`."""
    return next(((a, b) for a, b in word_spans(text) if text[a:b].lower() == word.lower()), None)


def names_role(role: str, hit: Hit, corpus: Corpus) -> bool:
    """Does the passage (with its headings) name the role asked about: most of the role's words
    by IDF weight, a word of a synonym group or an acronym's expansion counting ("CAMHS worker"
    is named by "a mental health nurse seconded from Wreyshire CAMHS")?"""
    terms = role_terms(role, hit, corpus)
    if not terms or hit.row < 0:
        return True
    have = corpus.row_terms[hit.row]
    named = sum(w for t, w in terms.items() if _named_in(t, have, corpus))
    return named / sum(terms.values()) >= ROLE_MIN_COVERAGE


def _named_in(term: str, have: set[str] | frozenset[str], corpus: Corpus) -> bool:
    """Is a role's term among the words `have`: itself, a synonym, or an acronym whose words are
    all there, apart ("youth justice board", read as the YJB, named by "the Youth Justice
    Management Board")?"""
    return bool(term in have or synonyms(term) & have) or _spelled_out(term, corpus, have)


def role_terms(role: str, hit: Hit, corpus: Corpus) -> dict[str, float]:
    """The role's weighted terms, less the words the passage's report never prints when at
    least two it prints remain and the role's last word (its head noun, unless a participle
    trails it) is printed: "who chairs the board overseeing …" is the chair of the board in a
    report that never says "overseeing" (the asker's paraphrase); "youth court bench" stays
    whole where "bench" is never printed, and "parenting worker" where only "worker" is (a
    board's chair is no bench's chair, any worker no parenting worker)."""
    terms = corpus.question_terms(role)
    printed = corpus.report_terms.get(hit.report_id, set())
    kept = {t: w for t, w in terms.items() if t in printed}
    last = words(role)[-1:]
    head = last if last and not last[0].endswith("ing") else []
    if any(t not in printed for w in head for t in corpus.question_terms(w)):
        return terms
    return kept if len(kept) >= 2 and len(kept) < len(terms) else terms


def holds_role(plan: Plan, hit: Hit, corpus: Corpus) -> bool:
    """The passage names the role asked about (`names_role`) and, when a person is asked for,
    names them in a sentence that names the role: "chaired by Alison Threlfall" does not answer
    who the police representative was because a later sentence says "the police had sent a
    representative"."""
    if not names_role(plan.role, hit, corpus):
        return False
    if (
        not _asks_for_person(plan)
        or hit.row < 0
        or not sum(corpus.question_terms(plan.role).values())
    ):
        return True
    return _role_holder_span(plan, hit, hit.text, corpus) is not None


def _role_person(plan: Plan, cited: Cited, corpus: Corpus) -> tuple[int, int] | None:
    """For "Who is the parenting worker?": the person the quote names as holding the role (a
    quote may name another person first: "Idris Fenwick … told us that Ruth Abney is the
    parenting worker"). None when no role or person is asked, or none is found."""
    if not (plan.role and _asks_for_person(plan)) or cited.hit.row < 0:
        return None
    return _role_holder_span(plan, cited.hit, cited.quote, corpus)


def _role_holder_span(plan: Plan, hit: Hit, text: str, corpus: Corpus) -> tuple[int, int] | None:
    """Where in `text` (the hit's text or a quote of it) the person holding the role asked
    about is named: the first person of the first sentence that names more than half the role
    by weight (its heading counting, and the next sentence when it goes on about them, "He
    is …"). None when none does, or the role has no words to weigh."""
    terms = role_terms(plan.role, hit, corpus)
    total = sum(terms.values())
    if not total:
        return None
    places = set(corpus.areas)
    heading = set(tokens(corpus.metas[hit.row].get("section_path") or hit.section))
    head = set(tokens(plan.role)[-1:])  # "worker" of "education worker"
    said = sentences(text) or [text]
    at = 0
    for n, sentence in enumerate(said):
        start = text.find(sentence, at)
        at = start + len(sentence) if start >= 0 else at
        person = person_span(
            sentence, places, corpus.lower_words, _named_by_question(plan, corpus, asked=True)
        )
        if person is None or start < 0 or _names_post_below(plan.role, sentence):
            continue
        # (an acronym stands for its words: "A CAMHS practitioner" is a mental health worker,
        # and the words for the acronym: "Police and Crime Commissioner | Gwen Alderton" names
        # "the PCC")
        have = heading | set(
            tokens(
                f"{sentence} {expansions_in(sentence, corpus.acronyms)} "
                f"{corpus.fold_acronyms(sentence)}"
            )
        )
        after = said[n + 1] if n + 1 < len(said) else ""
        if PERSON_PRONOUN.opens(after) and not prints_person(after, places, corpus.lower_words):
            # the next sentence goes on about them ("Gareth Lowndes chairs the panel. He is
            # the police inspector for the north of the borough.")
            have |= set(tokens(after))
        told = sum(w for t, w in terms.items() if _named_in(t, have, corpus))
        # more than half of the role by weight: "the resettlement worker, Zenobia Castellane"
        # shares only "worker" with "parenting worker"; and a word that tells the role from
        # others of its kind ("education" of "education worker": "Tabitha Sproat, the
        # victim worker" is no education worker, however rare "worker" is)
        kind = [t for t in terms if t not in head]
        told_kind = not kind or any(_named_in(t, have, corpus) for t in kind)
        # and the post's own noun where a rank tells it from others ("Chief Executive Andrew
        # Kellett" is no chief inspector), however common the noun
        ranked = set(words(plan.role)) & POST_RANK
        told_head = not ranked or any(_named_in(t, have, corpus) for t in head)
        if told / total > ROLE_MIN_COVERAGE and told_kind and told_head:
            return start + person[0], start + person[1]
    return None


def _named_by_question(plan: Plan, corpus: Corpus, asked: bool = False) -> frozenset[str]:
    """The people the question names ("Who led the service before Joanna Pryce?"): none of
    them is the person it asks for, and none is bold as its answer. With `asked`, only a name
    the asker wrote, not one a follow-up's pronoun stands for: "Who funds her post?" after the
    therapist was named is answered by a passage naming only her ("Imogen Delacourt, a speech
    and language therapist funded by the integrated care board")."""
    named = names_in(plan.question, set(corpus.areas), corpus.lower_words)
    if not asked:
        return named
    # (the assistant puts the surname of the person a pronoun stands for among the identifiers)
    meant = {i.lower() for i in plan.identifiers}
    return frozenset(n for n in named if n.split()[-1] not in meant)


def _names_post_below(role: str, sentence: str) -> bool:
    """Does the sentence name the role only as the post below it ("Assistant Chief Inspector"
    for "Chief Inspector", "deputy head of service" for "head of service"): the role's first
    word each time right after a word of a lower post the role does not have?"""
    asked = words(role)
    if not asked or asked[0] == "who":  # asked by what they do: "who chairs the board"
        return False
    said = words(sentence)
    at = [i for i, w in enumerate(said) if w == asked[0]]
    below = POST_BELOW - set(asked)
    return bool(at) and all(i and said[i - 1] in below for i in at)


def _prints_what_is_asked(
    plan: Plan, text: str, corpus: Corpus, loose: bool = False, heading: str = ""
) -> bool:
    """A number question needs a number of the thing asked about; "when" needs a date; "who"
    needs a name. A question asking two of these ("Who provides it, and how long is the
    wait?") is answered by a passage that prints either."""
    asks = [
        ok
        for ok in (
            _prints_wanted(plan, text, corpus, loose),
            _prints_number_asked(plan, text, corpus, heading),
        )
        if ok is not None
    ]
    if not asks:
        return True
    return any(asks) if len(asks) > 1 else asks[0]


def _prints_wanted(plan: Plan, text: str, corpus: Corpus, loose: bool = False) -> bool | None:
    """Does the text print the date or name asked for? None when neither is asked for. With
    `loose`, a year something began in answers "when" too ("Since 2019 the Turnstone scheme
    …"), where none of the best passages prints a date."""
    if plan.wants == "date":
        # a date told in a sentence about something the question names ("When was the
        # Choices scheme set up?" is not answered by "The YOS manager was appointed in
        # January 2021")
        terms = set(corpus.question_terms(plan.lexical_text))

        # (a sentence's words as the question's are read: "Youth Justice Service" is "YJS")
        def names_asked(sentence: str) -> bool:
            ws = set(tokens(corpus.fold_acronyms(sentence)))
            return not terms or bool(terms & ws) or any(synonyms(t) & ws for t in terms)

        dated = [s for s in sentences(text) or [text] if DATE.search(s)]
        return any(names_asked(s) for s in dated) or (
            loose
            and (
                bool(dated)
                or start_span(text) is not None
                # the year something the question names happened ("closed in 2017")
                or any(year_span(s) and names_asked(s) for s in sentences(text) or [text])
            )
        )
    if plan.wants == "person":
        return prints_person(
            text,
            set(corpus.areas),
            corpus.lower_words,
            _named_by_question(plan, corpus, asked=True),
        )
    return None


def _prints_number_asked(plan: Plan, text: str, corpus: Corpus, heading: str = "") -> bool | None:
    """Does the text print the number asked for (a time for "how long", a share for "what
    proportion", a number of the thing counted)? None when no number is asked for. `heading`:
    the passage's section and the parts above it, which name what its sentences count
    ("Court disposals > Planning")."""
    if not plan.quantity:
        return None
    q = plan.question
    # a sum or share asked of who gave it ("How much of the budget came from the police?"): a
    # sentence naming the giver tells it; the whole budget, or the council's part, does not
    giver = giver_asked(q, corpus.place_words)
    if plan.money:  # "What is the annual budget?": a sum of money, not any number
        named = _things_named(plan, corpus)
        # of a thing named ("What does the Turning Point scheme cost?"), a sum told with its
        # name: the service's budget is not what the scheme costs
        return any(
            money_span(s) is not None
            and all(n in s.lower() for n in named)
            and _names_giver(s, giver)
            for s in sentences(text) or [text]
        )
    if FREQUENCY.search(q):
        if PERIODIC.search(text) or TIME_UNIT.search(text):
            return True
        # a share of the cases ("in 9 of the 18 cases") tells how often only in a sentence
        # about what is asked: "How often does the board meet?" is not answered by
        # "Interventions were delivered as intended in most cases"
        asked = set(corpus.question_terms(plan.lexical_text))
        return any(
            PROPORTION.search(s) and (not asked or bool(asked & set(tokens(s))))
            for s in sentences(text) or [text]
        )
    if DURATION.search(q):
        if WAIT.search(q) and not (WAIT.search(text) or WAIT_TOLD.search(text)):
            return False
        # a time, or the date it began ("in post since September 2019"), or for "how
        # quickly" a word of speed ("contacted victims promptly")
        return bool(
            TIME_UNIT.search(text)
            or start_span(text)
            or (SPEED_ASK.search(q) and PROMPT.search(text))
        )
    if " | " in text:  # a table row: its number is in a value cell ("1.2 Staff | Good" has none)
        return any(_prints_amount(cell) for cell in text.split(" | ")[1:])
    if measure_words(q, corpus.place_words):
        # a rate or an average asked ("a higher first-time entrant rate than England and
        # Wales?"): a figure, whose measure the caller checks (`names_measure`), not a count
        # of the question's nouns
        return _prints_amount(text)
    if SHARE.search(q):
        # "What proportion of the children are girls?": a share of girls, so a passage that
        # never says "girls" gives some other share
        group = _share_of(q)
        printed = {stem(w) for w in words(text)}
        if not (PROPORTION.search(text) and (not group or bool(group & printed))):
            return False
        # the whole it is a share of, named in the sentence that gives the share (a word of it
        # will do: the asker's other words may be a paraphrase): "What proportion of
        # out-of-court cases had …" is not answered by "16 of the 22 court cases", nor a share
        # of "YJS staff" by one of the children
        whole = _share_whole(q, corpus) or _whole_terms(plan.whole_before)
        if giver and not any(
            PROPORTION.search(s) and _names_giver(s, giver) for s in sentences(text) or [text]
        ):
            return False
        return not whole or _names_whole(text, heading, whole, PROPORTION.search)
    before = _whole_terms(plan.whole_before)
    if before and not _names_whole(text, heading, before, has_number):
        # "And how many of those were assessed well?" after "How many out-of-court cases
        # …?": a count told of the court cases is of another whole
        return False
    counted = counted_words(q, corpus.place_words)
    if counted:
        return any(prints_count(text, stem(w)) for w in counted) or (
            "%" in text and "percent" in q.lower()
        )
    return _prints_amount(text)


def _names_giver(sentence: str, giver: list[str]) -> bool:
    """Does the sentence name the giver a question asks of (a stem of it or its synonym)?
    True when none is asked of."""
    said = set(tokens(sentence))
    return not giver or any(t in said or synonyms(t) & said for t in giver)


def _things_named(plan: Plan, corpus: Corpus) -> list[str]:
    """The names the question's ask gives in capitals, lower-cased ("Turning Point",
    "Ministry of Justice": turning, point, ministry, justice): not a sentence's first word, an
    acronym, a month or a word of a place's name."""
    out = []
    # (not a name in the sentences about the asker: "I'm writing for the Corvenham Courier.")
    for tok, opens in capitalised(without_asker(plan.own_ask or plan.question)):
        bare = tok.removesuffix("'s").removesuffix("’s")  # "YOS's" is "YOS"
        low = bare.lower()
        if not (opens or bare.isupper() or low in MONTHS or low in corpus.place_words):
            out.append(low)
    return out


def _told_as_share(text: str, at: int) -> bool:
    """Is the number at `at` a share: a percentage, or the part or whole of "N of M"?"""
    return PERCENT.match(text, at) is not None or any(
        p.start() <= at < p.end() and p.group(0)[:1].isdigit() for p in PROPORTION.finditer(text)
    )


def _tells_rate(text: str) -> bool:
    """Does the text give a rate: a share ("40.6%", "29 per cent") or a figure per some number
    ("245 per 100,000")?"""
    return bool(PERCENT.search(text)) or _per_head(words(text))


def _rate_told_of(measure: list[str], hit: Hit) -> bool:
    """Does the passage give a rate in a sentence naming the measure asked for (a table row:
    anywhere)? "The reoffending rate …, at 35.2 per cent, … The rate of first-time entrants
    has fallen …" gives no first-time entrant rate."""
    if " | " in hit.text:
        return _tells_rate(hit.text)
    forms = set().union(*(counted_forms(stem(w)) for w in measure))
    return any(
        _tells_rate(said) and bool(forms & set(tokens(said)))
        for said in sentences(hit.text) or [hit.text]
    )


def _per_head(ws: list[str]) -> bool:
    """Do the words give a figure per some number ("245 per 100,000 children")?"""
    return any(a == "per" and b[:1].isdigit() for a, b in itertools.pairwise(ws))


def _whole_terms(counted: list[str]) -> list[str]:
    """The terms of a whole counted before that tell it from others ("out-of-court" of
    "out-of-court cases"): no words every report counts, nor the service's name."""
    return [t for t in content_terms(" ".join(counted)) if t not in SERVICE_INITIALS]


def _names_whole(text: str, heading: str, whole: list[str], tells) -> bool:
    """Does a sentence of `text` that tells a figure (`tells`) name a word of the whole (or its
    section's heading does)?"""
    headed = set(tokens(heading))
    return any(
        tells(s)
        and any(t in (said := set(tokens(s)) | headed) or synonyms(t) & said for t in whole)
        for s in sentences(text)
    )


def _share_whole(question: str, corpus: Corpus) -> list[str]:
    """The terms of the whole a share question asks a share of, that tell it from other wholes
    ("What proportion of out-of-court cases had …": out-of-court; "… of YJS staff are …":
    staff), less the words every report uses of its cases and children, places and the
    service's name."""
    ws = words(question)
    at = next((i for i, w in enumerate(ws) if SHARE.search(w)), None)
    if at is None or at + 1 >= len(ws) or ws[at + 1] != "of":
        return []
    if ws[at + 2] in POINTS_BACK_WORDS:
        return []  # "what share of them …": the whole was named before
    whole: list[str] = []
    for w in ws[at + 2 :]:
        if w in SHARE_WHOLE_ENDS or is_year(w):
            break
        if w.removesuffix("'s") not in corpus.place_words:
            whole.append(w)
    return [t for t in content_terms(" ".join(whole)) if t not in SERVICE_INITIALS]


def _share_of(question: str) -> set[str]:
    """What a share question asks the share of, when it ends "… are/were <group>" ("What
    proportion of the young people are girls?": girls): the stems of the group's words."""
    ws = words(question)
    at = [i for i, w in enumerate(ws) if w in SHARE_OF_GROUP]
    if not at:
        return set()
    return {stem(w) for w in ws[at[-1] + 1 :] if w not in STOPWORDS and is_word(w)}


def names_measure(
    measure: list[str], hit: Hit, corpus: Corpus, asked: dict[str, float] | None = None
) -> bool:
    """Does the passage name the rate the question asks for (`measure_words`)? "What was the
    first-time entrant rate?" is not answered by the reoffending rate, however well its number
    is typed. A table row names it in its header cells. True when the question names no rate."""
    if not measure:
        return True
    columns = corpus.metas[hit.row].get("columns") or [] if hit.row >= 0 else []
    clauses = hit.text.lower().replace(";", ",").replace(":", ",").split(",")
    if measure[0] == "average":  # a count asked on average: told beside the word
        counted = set().union(*(counted_forms(stem(w)) for w in measure[1:]))
        return any(
            AVERAGE_STEM in clause
            and (counted & set(tokens(clause)) or _shares(clause, asked, corpus))
            for clause in clauses
        )
    printed = set(tokens(" ".join([hit.text, *columns])))
    if any(counted_forms(stem(w)) & printed for w in measure if w != "average"):
        return True
    # an average told in other words ("held an average of eight children each" is the
    # average caseload) is one whose clause names something else the question asks about;
    # "onward referrals waited an average of 14 weeks" names no caseload
    return "average" in measure and any(
        AVERAGE_STEM in clause and _shares(clause, asked, corpus) for clause in clauses
    )


AVERAGE_STEM = "averag"  # "average", "averaging", "averaged": an average told in any form


def _shares(clause: str, asked: dict[str, float] | None, corpus: Corpus) -> bool:
    """Does the clause name something else the question asks about than "average" (not a
    word that only frames the question: "Compare the average caseload …" is not answered by
    "compared with an average of 37.6% for England and Wales")?"""
    return bool(set(corpus.question_terms(clause)) & set(asked or ()) - {"averag"} - NOT_CONCEPTS)


def _rate_base(quote: str, at: int) -> bool:
    """Is the number at `at` what a rate is counted per, or the ages of the children it counts
    ("per 100,000 children aged 10 to 17")?"""
    before = words(quote[max(0, at - 40) : at])[-3:]
    return before[-1:] == ["per"] or "aged" in before


def answering_span(plan: Plan, quote: str, corpus: Corpus) -> tuple[int, int] | None:
    """Where in `quote` the thing asked for is: the date of a "when" question, the name of a
    "who", the grade of a rating question, the number of a "how many" (the one before the
    thing counted, else the first that is not a year). None when the question asks for no
    such thing or the quote prints none."""
    # a question asking for a date or name and a number ("Who provides it, and how long is
    # the wait?"): the number when the quote prints no date or name
    if plan.wants == "date":
        m = DATE_RANGE.search(quote)
        span = (
            m.span()
            if m
            else _nearest_asked(plan, quote, [d.span() for d in DATE.finditer(quote)])
            or start_span(quote)
            # of several years, the one told with what is asked ("… since our screening in
            # 2018. The service was renamed … in 2020": when was it renamed)
            or _nearest_asked(plan, quote, happened_years(quote))
        )
        if span or not plan.quantity:
            return span
    if plan.wants == "person":
        span = person_span(
            quote, set(corpus.areas), corpus.lower_words, _named_by_question(plan, corpus)
        )
        if span or not plan.quantity:
            return span
    if plan.rating or plan.fact == "overall_rating":
        m = GRADE.search(quote)
        return m.span() if m else None
    if not plan.quantity:
        return None
    if plan.money:
        # of several sums, the one told beside the most of what is asked ("the Youth Justice
        # Board grant is £612,000" of a sentence that gives the budget first)
        return _nearest_asked(plan, quote, list(money_spans(quote)))
    if FREQUENCY.search(plan.question):  # "every month", or "in 9 of the 18 cases"
        m = TIME_UNIT.search(quote) or PROPORTION.search(quote)
        return _first_said(PERIODIC, quote) or (m.span() if m else None)
    if DURATION.search(plan.question):  # "how long": a time ("six weeks"), not any number
        m = TIME_UNIT.search(quote)
        span = m.span() if m else start_span(quote)
        if span is None and SPEED_ASK.search(plan.question):
            span = _first_said(PROMPT, quote)  # "how quickly": "promptly"
        return span
    # not what a rate is told per ("per 100,000 children aged 10 to 17"): the figure is
    # the rate itself
    numbers = [m for m in amounts(quote) if not _rate_base(quote, m.start())]
    counted = counted_words(plan.question, corpus.place_words)
    # a share asked for ("what proportion of children went on to reoffend") is a percentage or
    # "N of M", not the "100,000" of a rate per 100,000 children
    shares = (
        [m for m in numbers if _told_as_share(quote, m.start())]
        if SHARE.search(plan.question)
        else []
    )
    numbers = shares or numbers
    if _counts_occurrences(plan.question):
        # "How many times did they meet in a conference?": the number, in figures or words,
        # before the most of the question's own words ("only four restorative conferences")
        asked = {stem(w) for w in words(plan.question) if w not in STOPWORDS}
        numbers += number_words(quote)

        def shared(m: Match[str]) -> int:  # in the words after it, up to its sentence's end
            after = quote[m.end() :].split(". ", 1)[0]
            return -sum(stem(w) in asked for w in words(after)[:COUNTED_WITHIN])

        numbers = sorted(numbers, key=lambda m: (shared(m), m.start()))
    if " | " in quote:  # a table row: its number is in a value cell, and counts its first cell
        numbers = [m for m in numbers if m.start() > quote.index(" | ")]
    elif counted:
        # only a number of the thing asked about: "9 children per case manager" is not a
        # number of staff, and a bold "9" would say it was
        # the number nearest before it: "16 out-of-court disposals, 36 cases in all" counts 36
        focus = set().union(*(counted_forms(stem(w)) for w in counted))

        def gap(m: Match[str]) -> int:
            ws = words(quote[m.end() :])[: COUNTED_WITHIN + 1]
            after = [counts(ws, j, focus) for j in range(min(len(ws), COUNTED_WITHIN))]
            return after.index(True) if True in after else COUNTED_WITHIN

        # on a tie, the one told beside more of what the question asks ("the borough is home to
        # 13,400 children … the YJS was supervising 96 children": "how many was it supervising")
        told = _told_with(plan, quote)
        numbers = [m for m in numbers if gap(m) < COUNTED_WITHIN] or [
            # no figure counts it: a count written in words right before the thing counted
            # ("Three children in the court sample met the MAPPA criteria", "Sixteen trained
            # community volunteers")
            m
            for m in number_words(quote)
            if gap(m) <= WORDS_BEFORE_COUNTED
        ]
        numbers = sorted(numbers, key=lambda m: (gap(m), -told(m.span())))
    elif "average" in (measure := measure_words(plan.question, corpus.place_words)):
        # an average or rate: the number told right after its name ("an average caseload of
        # eight children", not the "12 months" before it), in figures or words
        named = set().union(*(counted_forms(stem(w)) for w in measure))
        spans = word_spans(quote)
        ends = [b for (a, b), w in zip(spans, words(quote), strict=True) if stem(w) in named]

        def after_name(m: Match[str]) -> int:
            gaps = [len(word_spans(quote[e : m.start()])) for e in ends if e <= m.start()]
            return min(gaps, default=COUNTED_WITHIN)

        near = [m for m in [*numbers, *number_words(quote)] if after_name(m) < COUNTED_WITHIN]
        numbers = sorted(near, key=lambda m: (after_name(m), m.start())) or numbers
    elif PART_ASK.search(plan.question) and len(numbers) > 1:
        # a part asked of a whole named before ("How many of those were out-of-court?" after
        # the cases inspected): of "56 cases inspected: 35 court disposals and 21 out-of-court
        # disposals", the number told beside the question's own words
        told = _told_with(plan, quote)
        numbers = sorted(numbers, key=lambda m: (-told(m.span()), m.start()))
    numbers = numbers or shares  # no share beside the thing counted: the share printed
    if not numbers:
        return None
    start, end = numbers[0].span()
    part = _part_of(quote, start)
    if part is not None and (PART_ASK.search(plan.question) or not TOTAL_ASK.search(plan.question)):
        # "3 of the 12 case manager posts were vacant": what is counted is the 3, the 12 is
        # what they are a part of (unless the whole is asked for)
        start, end = part
    elif PART_ASK.search(plan.question):
        # "how many of the sampled cases had…": of "6 of the 14 cases", the 6
        whole = next((p for p in PROPORTION.finditer(quote) if p.start() < start < p.end()), None)
        if whole is not None:
            start, end = whole.start(), whole.start() + len(whole.group(0).split()[0])
    start, end = _with_fraction(quote, start, end)
    unit = PERCENT.match(quote, start)  # "29.4%", "29.4 per cent"
    return start, unit.end() if unit and unit.end() > end else end


def _with_fraction(quote: str, start: int, end: int) -> tuple[int, int]:
    """An amount told with a fraction, whole: "two and a half days" is two and a half, not
    the "half" after its whole number nor the "2" of "2 and a half"."""
    joins = (["and", "a"], ["and", "an"])
    lead = quote[:start].split()
    if len(lead) >= 3 and [w.lower() for w in lead[-2:]] in joins:
        whole = lead[-3]
        if whole.isdigit() or whole.lower() in NUMBER_WORDS:
            return quote.rfind(whole, 0, start), end
    tail = quote[end:].split()[:3]
    if len(tail) == 3 and [w.lower() for w in tail[:2]] in joins:
        part = tail[2].rstrip(".,;:")
        if part.lower() in NUMBER_WORDS and not part.isdigit():
            at = quote.find(part, end)
            return start, at + len(part)
    return start, end


def _quoted_with_number(
    plan: Plan,
    cited: Cited,
    terms: dict[str, float],
    corpus: Corpus,
    closeness: Callable[[Plan, list[str]], list[float]] | None = None,
) -> Cited:
    """A number asked for that the quote (two sentences of a long paragraph, chosen by the
    question's words) does not print, where another sentence of the paragraph prints it
    ("Seven of the 16 children were not in education … when they were sentenced" after two
    sentences about the programmes): that sentence, with the one before when it points back,
    the one that prints most of the question's words. The quote as it was otherwise."""
    if answering_span(plan, cited.quote, corpus) is not None:
        return cited
    said = sentences(cited.hit.text)
    weight = [sum(w for t, w in terms.items() if t in set(tokens(x))) for x in said]
    numbered = [i for i, x in enumerate(said) if answering_span(plan, x, corpus) is not None]
    top = max((weight[i] for i in numbered), default=0.0)
    tied = [i for i in numbered if weight[i] >= top - 1e-9]
    # none prints a word of the question: the one closest in meaning
    close = (
        closeness(plan, [said[i] for i in tied])
        if closeness is not None and len(tied) > 1 and top <= 0.0 and not plan.wants
        else [0.0] * len(tied)
    )
    best = max(
        zip(tied, close, strict=True), key=lambda p: (weight[p[0]], p[1], -p[0]), default=(None,)
    )[0]
    if best is None:
        return cited
    first = best
    while first and (opening := words(said[first])[:1]) and opening[0] in POINTS_BACK_WORDS:
        first -= 1
    return Cited(cited.hit, _verbatim(" ".join(said[first : best + 1])))


def _answering_sentence(quote: str, span: tuple[int, int]) -> int:
    """Where the sentence printing `span` starts: a quote whose first sentences say something
    else leads with it. A sentence that points back ("One was managed at level 2") keeps the
    one before it. 0 when that is the first."""
    starts = [quote.find(s) for s in sentences(quote)]
    k = max((i for i, a in enumerate(starts) if 0 <= a <= span[0]), default=0)
    while (
        k and (opening := words(quote[starts[k] :])[:1]) and opening[0].lower() in POINTS_BACK_WORDS
    ):
        k -= 1
    return starts[k] if k else 0


def _part_of(quote: str, start: int) -> tuple[int, int] | None:
    """Where N is, when the number at `start` is the M of "N of the M" ("Four of the 13
    posts", "7 out of 12"); None otherwise."""
    before = [(a, b) for a, b in word_spans(quote) if b <= start][-4:]
    ws = [quote[a:b].lower() for a, b in before]
    if ws and ws[-1] == "the":
        ws, before = ws[:-1], before[:-1]
    if len(ws) < 2 or ws[-1] != "of":
        return None
    if ws[-2] == "out" and len(ws) >= 3:
        ws, before = ws[:-1], before[:-1]
    a, b = before[-2]
    word = quote[a:b]
    return (a, b) if word.isdigit() or word.lower() in NUMBER_WORDS else None


def _with_statement(cited: list[Cited], corpus: Corpus, asks_why: bool = False) -> list[Cited]:
    """A grade read off a ratings table comes with the report's own sentence stating it
    (`structured.rating_statement`), which says why; that sentence leads. The overall grade
    read off a field or row ("Overall rating: Good") is answered by the sentence giving it
    (`structured.overall_statement`)."""
    first = cited[0]
    said = cite_statement(corpus, first.hit.row, first.hit.score)
    if said is not None and asks_why and said.hit.row >= 0:
        # "Why?": the reasons follow the statement through its paragraph; a statement that is
        # only the grade ("Our rating for planning is: Requires improvement") gives none: its
        # part's next paragraph does, and leads
        # ("we rated it as 'Inadequate'" in the foreword: the standard's own part says why)
        said = Cited(said.hit, _verbatim(corpus.texts[said.hit.row]))
        if rating_record(corpus, said.hit.row) is not None:
            why = standard_paragraph(corpus, said.hit.row)
        else:
            why = standard_paragraph(corpus, first.hit.row) if first.hit.row >= 0 else None
            if why is not None and corpus.metas[why]["section"] == said.hit.section:
                why = None
        if why is not None and not any(c.hit.row == why for c in cited):
            rest = [said, *cited[1:], *([first] if first.hit.row != said.hit.row else [])]
            return _led_by_reasons(why, rest, first, corpus)
    if said is None and first.hit.kind in NOT_TOLD:
        told = overall_statement(corpus, first.hit.row)
        if told is not None:
            sentence = Cited(hit_from_row(corpus, told[0], score=first.hit.score), told[1])
            return [sentence, *cited[1:]]
    if said is None and asks_why and first.hit.row >= 0:
        # "Why?" of a grade no sentence states ("Rating: Inadequate" heads the standard's
        # part): the part's first paragraph says why, and leads. (Cited after the grade for
        # every grade question, it was no gold on the dev set: precision 0.93 -> 0.90.)
        why = standard_paragraph(corpus, first.hit.row)
        if why is not None and not any(c.hit.row == why for c in cited):
            return _led_by_reasons(why, cited, first, corpus)
    if said is not None and not any(c.hit.row == said.hit.row for c in cited):
        cited = [said, *cited]
    if not asks_why:
        return cited
    return _shortfall_first(_with_reasons(cited, corpus), first.hit.row, corpus)


def _led_by_reasons(why: int, rest: list[Cited], grade: Cited, corpus: Corpus) -> list[Cited]:
    """The standard's paragraph `why` (its reasons, whole) before `rest`, the part's lowest
    share first where the grade fell short (`_shortfall_first`)."""
    hit = hit_from_row(corpus, why, score=grade.hit.score)
    reasons = [Cited(hit, " ".join(corpus.texts[why].split())), *rest]
    return _shortfall_first(reasons, grade.hit.row, corpus)


def _shortfall_first(cited: list[Cited], grade_row: int, corpus: Corpus) -> list[Cited]:
    """ "Why?" of a grade below Good: the paragraph of the standard's part printing its lowest
    share ("sufficient in only 11 cases (58 per cent)", not "in 15 of the 19 cases" of the
    part's other finding) says what fell short, and leads. The rest keep their order; nothing
    changes where no paragraph of the part prints a share."""
    record = rating_record(corpus, grade_row) or {}
    if (record.get("value") or "").lower() not in BELOW_GOOD:
        return cited
    lead = cited[0].hit
    # (the part under the same headings: court and out-of-court work may each have a
    # "Planning")
    part = corpus.metas[lead.row].get("section_path") if lead.row >= 0 else None
    rows = [
        r
        for r in corpus.by_report.get(lead.report_id, [])
        if corpus.metas[r]["section"] == lead.section
        and (part is None or corpus.metas[r].get("section_path") == part)
        and corpus.metas[r]["kind"] in ("numbered", "prose")
    ]
    scored = [(share, r) for r in rows if (share := _lowest_share(corpus.texts[r])) is not None]
    if not scored:
        return cited
    row = min(scored)[1]
    hit = hit_from_row(corpus, row, score=lead.score)
    return [Cited(hit, _verbatim(corpus.texts[row])), *(c for c in cited if c.hit.row != row)]


def _lowest_share(text: str) -> float | None:
    """The lowest share a text prints as a percentage or "N (out) of (the) M", or None."""
    shares = [float(m.group(1)) / 100 for m in PERCENT.finditer(text)]
    for m in PROPORTION.finditer(text):
        figures = [int(w) for w in words(m.group(0)) if w.isdigit()]
        if len(figures) == 2 and figures[1] >= figures[0] > 0:
            shares.append(figures[0] / figures[1])
    return min(shares, default=None)


def _with_reasons(cited: list[Cited], corpus: Corpus) -> list[Cited]:
    """ "Why?" of a grade stated in a numbered paragraph: the standard's next numbered
    paragraphs (up to WHY_PARAGRAPHS) give the reasons, in the report's order after it."""
    first = cited[0].hit
    if first.row < 0 or not first.paragraph:
        return cited
    rows = corpus.by_report.get(first.report_id, [])
    after = [
        r
        for r in rows
        if r > first.row
        and corpus.metas[r]["section"] == first.section
        and corpus.metas[r].get("paragraph")
        and not any(c.hit.row == r for c in cited)
    ][:WHY_PARAGRAPHS]
    more = [
        Cited(hit_from_row(corpus, r, score=first.score), _verbatim(corpus.texts[r])) for r in after
    ]
    return [cited[0], *more, *cited[1:]]


def _recorded_value_span(plan: Plan, cited: Cited, corpus: Corpus) -> tuple[int, int] | None:
    """A grade or fact asked for, where the quoted paragraph's own record gives it: that value
    in the quote ("Our overall rating … is Requires improvement", in a paragraph that also says
    "eight were rated Good"; "44" of "24 court disposal cases and 20 out-of-court disposal
    cases, 44 in total" for the cases inspected), not the first grade word or number it prints.
    None otherwise."""
    if not (plan.rating or plan.fact) or cited.hit.row < 0:
        return None
    if PART_ASK.search(plan.question):
        return None  # a part of what the record counts ("how many of those …"), not its total
    quote = cited.quote
    for r in corpus.metas[cited.hit.row].get("records") or ():
        grades = r.get("subject") == "overall_rating" or r.get("kind") == "rating"
        asked = (
            r.get("kind") == "fact"
            and r.get("subject") == plan.fact
            and (
                FACT_KINDS.get(plan.fact or "") in ("number", "date")
                or plan.fact == "overall_rating"
            )
        )
        value = r.get("value") or ""
        at = quote.find(value) if (asked or grades and plan.rating) and value else -1
        while at >= 0:  # as a whole word or words ("Good", not the start of "Goodwin")
            end = at + len(value)
            if not (quote[at - 1 : at].isalpha() or quote[end : end + 1].isalpha()):
                return at, end
            at = quote.find(value, end)
    return None


def _told_with(plan: Plan, quote: str) -> Callable[[tuple[int, int]], int]:
    """How many of the question's words a span of `quote` is told beside: among the
    NEAR_BEFORE words before it and the NEAR_AFTER after it."""
    asked = {stem(w) for w in words(plan.own_ask or plan.question) if w.lower() not in STOPWORDS}
    at = word_spans(quote)

    def told(span: tuple[int, int]) -> int:
        before = [quote[a:b] for a, b in at if b <= span[0]][-NEAR_BEFORE:]
        after = [quote[a:b] for a, b in at if a >= span[1]][:NEAR_AFTER]
        return sum(stem(w.lower()) in asked for w in before + after)

    return told


def _first_said(cue: Cue, quote: str) -> tuple[int, int] | None:
    """Where in `quote` the cue's first phrase is printed ("every Wednesday", "promptly")."""
    found = cue.spans(quote)
    if not found:
        return None
    at = word_spans(quote)
    a, b = found[0]
    return at[a][0], at[b - 1][1]


def _nearest_asked(plan: Plan, quote: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Of several dates (or sums) a quote prints, the one told beside the most of what the
    question asks about ("When did the police withdraw?": of "the loss of the victim worker
    post in March 2023 and the withdrawal of seconded police officers in September 2023", the
    second: `_told_with`); the first on a tie."""
    if len(spans) < 2:
        return spans[0] if spans else None
    told = _told_with(plan, quote)
    return max(spans, key=lambda s: (told(s), -s[0]))


def _lead(quote: str, span: tuple[int, int] | None) -> str:
    """The answering span, in bold, ahead of the quote that prints it ("**27-29 April 2015** —
    “The inspection was conducted from 27-29 April 2015 …” [1]"): the answer first, the quote
    whole and verbatim after it (bold inside it would split what a reader searches for)."""
    if span is None:
        return ""
    return f"**{quote[span[0] : span[1]]}** — "


def _counts_occurrences(question: str) -> bool:
    """ "How many times …?": a count of events, whatever the report calls them."""
    ws = words(question)
    return any(end < len(ws) and ws[end] in OCCURRENCES for _, end in COUNTED_AFTER.spans(ws))


def candidate(
    plan: Plan, hits: list[Hit], terms: dict[str, float], corpus: Corpus, missing: bool
) -> tuple[Hit, dict] | None:
    """The passage an answer would quote, and the features `evidence` scores it by: the first
    of the best few that prints every identifier named and the kind of thing asked for (else
    the best that prints the identifiers). None when no passage prints the identifiers ("team
    4321" is not answered by the note on team 4319). `bench.calibrate` fits on exactly these."""
    named = [h for h in hits if all(prints_identifier(h.text, i) for i in plan.identifiers)]
    if not _asks_for_person(plan):
        # a header field or copy-list row ("Police and Crime Commissioner | Nick Alston")
        # answers who holds a role, never what a report says about a topic
        named = [h for h in named if not _people_row(h, corpus)]
    if not names_nation(plan.question):
        # a figure asked of the service is not the national one its report sets beside it
        # ("Reoffending rate (England and Wales) | 31.2%" over the area's own row)
        named = [h for h in named if not _national_figure(h, corpus)] or named
    if plan.overall or (asks_why(plan) and not plan.rating):
        # the overall picture is told in sentences, not by a header field or a table row
        # (a grade line follows it: `_overall_grade`); so are the reasons for a grade ("Why
        # did the staff one get that?" is not answered by "1.2 Staff | Outstanding"; asked
        # after a question read as asking for a grade, the passages that give one lead)
        named = [h for h in named if h.kind not in NOT_TOLD] or named
    if not named:
        return None
    named = _own_ask_first(plan, named, corpus)
    if plan.quantity or FACT_KINDS.get(plan.fact or "") == "number":
        kinds_first = _kinds_first(named, terms, corpus)
        if kinds_first is None:
            # (a count of cases, not how often or how long: "How often does that panel sit,
            # instead of court?")
            if not (FREQUENCY.search(plan.question) or DURATION.search(plan.question)):
                return None
        else:
            named = kinds_first
    if VERDICT_ASK.search(plan.question) and not (
        plan.overall or plan.yes_no or plan.quantity or plan.wants or plan.comparison
    ):
        named = _verdict_first(named)
    sure = plan.intent.probability >= FACT_SURE
    measure = measure_words(plan.question, corpus.place_words)
    carrier = next(
        (
            h
            for i, h in enumerate(named)
            if (sure or i < FACT_HITS or _field_named(plan, h)) and _carries_fact(plan, h, corpus)
        ),
        None,
    )

    def answers(h: Hit, loose: bool) -> bool:
        return h is carrier or (
            _prints_what_is_asked(plan, h.text, corpus, loose, h.section_path or h.section)
            and names_measure(measure, h, corpus, terms)
            # a rate is told as one: a share or a figure "per" some number ("14 of the 20
            # cases" assessed well is no reoffending rate)
            and (not measure or "average" in measure or _rate_told_of(measure, h))
            # a grade asked for: a passage that gives one (or a score, where its report
            # scores instead of grading)
            and (
                not _asks_for_grade(plan)
                or _gives_grade_or_score(h, corpus)
                or _change_told_in_words(plan, h, corpus)
            )
        )

    strict = next((h for h in named[:6] if answers(h, False)), None)
    if (
        strict is not None
        and strict is not named[0]
        and named[0].kind not in NOT_TOLD
        and (
            (
                plan.wants == "date"
                and answers(named[0], True)
                and corpus.coverage(terms, named[0].row)
                >= corpus.coverage(terms, strict.row) + DATED_COVERAGE_LEAD
            )
            # "who pays for the SALT post?" is answered by a body ("funded by the … Integrated
            # Care Board") the closest passage names, not by a far lower one naming a person
            or (
                plan.wants == "person"
                and not (plan.role or plan.fact)
                and strict.score <= PERSON_SCORE_SHARE * named[0].score
            )
        )
    ):
        # the closest passage prints what is asked, a lower one only the kind of thing asked
        # for: the year of the renaming beside another date ("The YJS Management Board … took
        # over in April 2021"), the body that funds a post beside some person's name
        strict = named[0]
    typed = (
        (carrier if sure or (carrier is not None and _field_named(plan, carrier)) else None)
        or strict
        # a date asked for that none prints beside a word of the question: the passage
        # closest in meaning that prints one, or the year something began ("Since 2019 …"),
        # when it is as close as the best passage ("the current case recording software" is
        # "the Sentinel case management system, introduced in November 2020")
        or (_closest_dated(named[:6], lambda h: answers(h, True)) if plan.wants == "date" else None)
    )
    if (
        typed is None
        and (
            plan.money
            # a share the best few never print ("what percentage were in education?") is not
            # answered by a count of something else
            or (plan.quantity and SHARE.search(plan.question))
            or (measure and "average" not in measure)
            or (measure and not any(names_measure(measure, h, corpus, terms) for h in named[:6]))
            # (a date none of the best few prints even loosely, not a year something began:
            # "When is the inspectorate due back?" is not answered by an email's disclaimer)
            or plan.wants == "date"
        )
    ):
        # a sum of money, a share, a rate or a date the best few never print is not answered by
        # another figure or by undated prose; nor is an average none of them names (one they
        # name, told in words the checks do not know, "took an average of 14 weeks", is left to
        # the evidence)
        return None
    hit = typed or named[0]
    if plan.quantity and typed is None and not _prints_amount(hit.text):
        # "How many staff …?" is not answered by a passage that prints no amount at all
        # (a telephone number is none: "Tel: 0161 496 0371")
        return None
    coverage = corpus.coverage(terms, hit.row) if terms else 1.0
    return hit, {
        "dense": hit.dense,
        "coverage": coverage,
        "typed": typed is not None,
        "missing": missing,
    }


def _prints_amount(text: str) -> bool:
    """Does the text print an amount, in figures or words (not a year, nor a code)?"""
    return bool(amounts(text) or number_words(text))


def _recorded_answer(plan: Plan, hit: Hit, corpus: Corpus) -> bool:
    """Is the passage the one its report's record of the fact asked for cites, the fact read
    surely (`FACT_SURE`)? The record is the evidence, however few of the question's words the
    passage prints: "And who signed it off?" after a question about a letter shares no word
    with "Paul Wilkins Assistant Chief Inspector", and its meaning alone scored too low."""
    return plan.intent.probability >= FACT_SURE and _carries_fact(plan, hit, corpus)


# how much more of the question (IDF-weighted coverage) the closest passage, dated by a year
# only, must print than a lower one with a full date to answer "when" instead
DATED_COVERAGE_LEAD = 0.5
# the share of the closest passage's score below which a passage naming a person is too far to
# answer "who" in its place (the closest names a body that answers: "funded by the … Board")
PERSON_SCORE_SHARE = 0.75


def _closest_dated(named: list[Hit], dated: Callable[[Hit], bool]) -> Hit | None:
    """Of the passages that print a date, the closest in meaning to the question, when it is
    at least as close as the best passage (a dated passage about something else is no answer
    to "When was the Choices scheme set up?")."""
    # (a header field's date, "Fieldwork dates: 8-12 April 2019", dates the inspection only)
    found = [h for h in named if h.kind not in NOT_TOLD and dated(h)]
    if not found:
        return None
    best = max(found, key=lambda h: h.dense)
    return best if best.dense >= named[0].dense else None


VERDICT = frozenset(lexicon.words_of(lexicon.VERDICT_WORDS))
VERDICT_ASK = Cue(lexicon.VERDICT_ASK)
VERDICT_WITHIN = 3  # of the best passages, one giving a verdict may lead
VERDICT_SCORE_SHARE = 0.85  # when it scores at least this share of the best


def _verdict_first(named: list[Hit]) -> list[Hit]:
    """ "How are we doing on out-of-court work?", "Summarise the findings on …": of the best
    few, a passage whose first sentence gives a verdict ("Out-of-court disposal work is a real
    strength") leads one that only tells a fact ("We inspected 11 cases …"), when it is nearly
    as close."""

    def verdict(h: Hit) -> bool:
        first = (sentences(h.text) or [h.text])[0]
        return bool(set(words(first)) & VERDICT)

    if not named or verdict(named[0]):
        return named
    lead = next(
        (
            h
            for h in named[1:VERDICT_WITHIN]
            if verdict(h) and h.score >= VERDICT_SCORE_SHARE * named[0].score
        ),
        None,
    )
    return named if lead is None else [lead, *(h for h in named if h is not lead)]


def _own_ask_first(plan: Plan, named: list[Hit], corpus: Corpus) -> list[Hit]:
    """A follow-up searched with the earlier question ("At what level were they managed?"
    after "How many were eligible for MAPPA?") is answered by the one of the best two that
    prints more of what it asks itself ("managed at MAPPA level 2"), not by the earlier
    answer again. Two: set on the tune sets' follow-ups (+1; three also took "Had that
    improved by the next inspection?" from its answer)."""
    own = corpus.question_terms(plan.own_ask) if plan.own_ask else {}
    if not own or len(named) < 2:
        return named
    best = max(named[:OWN_ASK_WITHIN], key=lambda h: corpus.coverage(own, h.row))
    if corpus.coverage(own, best.row) <= corpus.coverage(own, named[0].row):
        return named
    # and it still prints the names the conversation uses that the best one prints: "Is it
    # still running?" after a question about the 'Rudder' programme is not answered by a
    # clinic that "no longer runs"
    names = {
        t
        for word, opens in capitalised(plan.lexical_text)
        if not opens
        for t in corpus.question_terms(word)
        if t not in corpus.place_words and corpus.coverage({t: 1.0}, named[0].row)
    }
    if any(not corpus.coverage({t: 1.0}, best.row) for t in names):
        return named
    return [best] + [h for h in named if h is not best]


def _case_kinds(terms: dict[str, float]) -> list[frozenset[str]]:
    """The kinds of case (`lexicon.CASE_KINDS`) the question's terms name, each as its stems."""
    return [kind for kind in CASE_KIND_TERMS if kind & terms.keys()]


def _kinds_first(named: list[Hit], terms: dict[str, float], corpus: Corpus) -> list[Hit] | None:
    """A count of one kind of case (`lexicon.CASE_KINDS`: "How many out-of-court cases …?") is
    answered by one of the best few that prints that kind, in its words or headings, before a
    closer one counting another kind ("We inspected 14 … court disposal" under "Court
    disposals"). None when none of the best six prints it: "How many children were remanded
    …?" is not answered by a count of children in custody."""
    kinds = _case_kinds(terms)

    def prints(h: Hit) -> bool:  # each kind asked, in any of its words
        return h.row >= 0 and all(corpus.coverage(dict.fromkeys(k, 1.0), h.row) for k in kinds)

    if not kinds or not named or prints(named[0]):
        return named
    if not any(prints(h) for h in named[:KIND_HITS]):
        return None
    first = [h for h in named[:FACT_HITS] if prints(h)]
    return first + [h for h in named if not any(h is f for f in first)]


def evidence(dense: float, coverage: float, typed: bool, missing: bool) -> float:
    """The calibrated probability that a passage with these features answers the question."""
    w = EVIDENCE_WEIGHTS
    z = (
        EVIDENCE_BIAS
        + w["dense"] * dense
        + w["coverage"] * coverage
        + w["typed"] * float(typed)
        + w["missing"] * float(missing)
    )
    return 1.0 / (1.0 + math.exp(-z))


def _names_speaker(speaker: list[str], text: str) -> bool:
    """Does the passage name the speaker asked about (a stem of theirs, or a synonym)?"""
    said = set(tokens(text))
    return any(t in said or synonyms(t) & said for t in speaker)


def missing_terms(plan: Plan, corpus: Corpus, terms: dict[str, float]) -> list[str]:
    """Topics the question asks about that other reports cover but none of the targeted ones
    print: a "rating" asked of a report without ratings. A topic is a word some report uses in a
    heading (or a known acronym); other words of the question may just be paraphrase."""
    targets = plan.report_ids
    if targets is None or len(targets) == len(corpus.reports):
        return []
    have = set().union(*(corpus.report_terms.get(r, set()) for r in targets))
    # a word the question writes whole, as some heading writes it: the parts of
    # "court-sentenced" may be paraphrase, and "headed up" is no "Head of Service"
    # (a word set apart by a comma before the ask, "Overall, how did …", frames it: no topic)
    # (a follow-up searched with the earlier question: only its own words, for the earlier
    # words were asked of another report: "and who was in charge of it at the 2016 screening?"
    # after "Who chairs the youth justice partnership board now?")
    text = plan.own_ask if plan.inherited and plan.own_ask else plan.lexical_text
    opener, comma, _ = text.strip().partition(",")
    framing = opener.lower() if comma and len(opener.split()) == 1 else None
    whole = {
        t
        for w in words(text)
        if "-" not in w
        and w.lower() != framing
        # a verb of judging, as its participle, asks for the judgement, which a report
        # without grades gives in words ("Was work to keep children safe rated good in the
        # 2015 screening?"); the noun ("What rating did it get?", "the entrant rate") is one
        and not (w.lower() in SPEECH_VERBS and w.lower().endswith("ed"))
        and _as_headings_write(w.lower(), corpus.heading_words)
        for t in tokens(w)
    }
    return [
        t
        for t in terms
        if t in whole
        and corpus.df.get(t, 0) >= MIN_CONCEPT_DF
        and t in corpus.heading_terms
        and t not in NOT_CONCEPTS
        and t not in have
        # (printed under another name: "council" where the reports say "local authority")
        and not synonyms(t) & have
        and not any(h.endswith(t) and h[: len(h) - len(t)] in NEGATING_PREFIXES for h in have)
        and not _spelled_out(t, corpus, have)
    ]


def _as_headings_write(word: str, heading_words: set[str]) -> bool:
    """Is the word written as some heading writes it, singular or plural ("rating" for
    "Ratings")? "headed" is not "Head of Service"."""
    return bool({word, word + "s", word.removesuffix("s")} & heading_words)


def _spelled_out(acronym: str, corpus: Corpus, have: set[str] | frozenset[str]) -> bool:
    """An acronym the question uses whose words the reports print under another name: "YOT"
    (youth offending team) asked of a report of a youth offending *service* that has teams.
    Every word of its expansion printed is the same thing named otherwise, not a missing
    topic."""
    expansion = set(tokens(corpus.acronyms.get(acronym, "")))
    return bool(expansion) and expansion <= have


def _question_terms(plan: Plan, corpus: Corpus) -> dict[str, float]:
    return corpus.question_terms(plan.lexical_text)


def _label(corpus: Corpus, hit: Hit) -> str:
    return citation_label(
        corpus.reports.get(hit.report_id) or {"report_id": hit.report_id},
        hit.section,
        hit.paragraph,
        hit.ordinal,
    )


def _abstain(abstention: Abstention, hits: list[Hit]) -> Draft:
    return Draft.abstain(abstention, related=hits[:3])


def _verbatim(text: str) -> str:
    """A quote of `text`: whitespace normalised, at most QUOTE_CAP characters (cut at a word
    end), so a giant paragraph never becomes a giant answer."""
    quote = normalise_space(text)
    if len(quote) <= QUOTE_CAP:
        return quote
    cut = quote.rfind(" ", 0, QUOTE_CAP + 1)
    return quote[: cut if cut > QUOTE_CAP // 2 else QUOTE_CAP]
