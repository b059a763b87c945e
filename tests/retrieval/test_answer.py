"""retrieval/answer.py: `ExtractiveAnswerer.answer(plan, hits, corpus)` on real plans and hits
from the sample store: direct answers, lists, enumerations, and when it abstains."""

from __future__ import annotations

import pytest

from findings.text import normalise_space
from retrieval.answer import MAX_QUOTE, MIN_EVIDENCE, ExtractiveAnswerer, evidence, missing_terms

pytest_plugins = ["retrieval_fixtures"]

NOT_ANSWERED = "The reports do not answer this question."
# Answered by sentences 2 and 4 of Thurrock's Summary ¶2 (521 characters, four sentences)
TWO_SENTENCES = (
    "Were key processes in place for case managers, and was effective support provided "
    "alongside enforcement of necessary boundaries in Thurrock?"
)


@pytest.fixture(scope="module")
def answer(sample_assistant):
    """Plan, retrieve (top 8) and answer with a fresh answerer: the Draft and the hits."""
    answerer = ExtractiveAnswerer()

    def run(question, history=None, filters=None):
        corpus = sample_assistant.loader.load()
        plan = sample_assistant.planner.plan(question, history, filters, corpus)
        hits = sample_assistant.retriever.retrieve(plan, corpus, 8)
        return answerer.answer(plan, hits, corpus), hits

    return run


def where(draft) -> list[tuple]:
    return [(c.hit.report_id, c.hit.section, c.hit.paragraph, c.hit.ordinal) for c in draft.cited]


class TestDirectAnswer:
    def test_short_paragraph_is_quoted_whole(self, answer):
        draft, hits = answer("Was enforcement action taken promptly in Thurrock?")
        assert draft.abstained is False
        assert where(draft) == [
            ("thurrock_sqs_2015", "Ensuring that the sentence is served", "4.4", 4)
        ]
        assert draft.cited[0].quote == "Where necessary, enforcement action was taken promptly."
        assert draft.cited[0].hit is hits[0]

    def test_long_paragraph_is_quoted_by_its_best_two_sentences_in_order(self, answer):
        draft, _ = answer(
            "What was the inspectors' overall verdict on Thurrock's safeguarding and public "
            "protection work?"
        )
        assert where(draft) == [("thurrock_sqs_2015", "Summary", None, 2)]
        assert len(draft.cited[0].hit.text) > MAX_QUOTE
        assert draft.cited[0].quote == (
            "Overall, we found that the quality of the work carried out with children and young "
            "people and their parents/carers, in particular safeguarding and public protection, "
            "was excellent in Thurrock. All key processes were in place to enable case managers "
            "to concentrate on a holistic approach to their work."
        )

    def test_quote_of_non_adjacent_sentences_is_verbatim(self, answer):
        draft, _ = answer(TWO_SENTENCES)
        assert where(draft) == [("thurrock_sqs_2015", "Summary", None, 2)]
        assert all(normalise_space(c.quote) in normalise_space(c.hit.text) for c in draft.cited)

    def test_number_question_cites_the_paragraph_that_prints_the_number(self, answer):
        draft, _ = answer("How many cases did inspectors examine in Thurrock?")
        assert where(draft) == [("thurrock_sqs_2015", "Context", None, 1)]
        assert "We examined 14 cases" in draft.text

    def test_when_question_cites_a_date(self, answer):
        draft, _ = answer("When was the Thurrock inspection conducted?")
        assert draft.cited[0].quote.startswith("The inspection was conducted from 27-29 April 2015")

    def test_who_question_cites_a_name(self, answer):
        draft, _ = answer("Who was the lead inspector in Thurrock?")
        assert "who was Jane Attwood." in draft.cited[0].quote

    def test_table_row_answers_a_rating_question(self, answer):
        draft, _ = answer("What rating did Northfield get for planning in court disposals?")
        assert where(draft) == [("northfield_yos_2019", "Ratings", None, 8)]
        # (the one standard named by its name and its domain's: "2.2 Planning" of court
        # disposals, not "3.2 Planning" of out-of-court ones)
        assert (
            draft.text
            == "Northfield YOS inspection 2019:\n- **2.2 Planning**: Requires improvement [1]"
        )

    def test_a_grade_comes_with_the_sentence_that_states_it(self, answer):
        """The report's own sentence under the standard (by its number, 3.1 -> 3.1.1) leads,
        as it says why; the ratings table row follows."""
        draft, _ = answer(
            "What rating did Northfield get for assessment in out-of-court disposals?"
        )
        assert where(draft) == [
            ("northfield_yos_2019", "Assessment", "3.1.1", 1),
            ("northfield_yos_2019", "Ratings", None, 12),
        ]
        assert draft.text == (
            "Northfield YOS inspection 2019:\n- **3.1 Assessment**: Outstanding — “Assessment of "
            "out-of-court disposal cases was outstanding. All 18 assessments were completed "
            "before the joint decision-making panel met.” [1] [2]"
        )

    @pytest.mark.parametrize(
        "question",
        [
            "Give me the big picture from Marshbury's 2014 screening.",
            "Sum up the 2016 Marshbury screening.",
        ],
    )
    def test_an_overall_question_cites_the_summary_s_verdict_not_its_statistics(
        self, answer, question
    ):
        """Both Summary paragraphs are candidates; the one nearest the whole report's meaning
        ("Overall, we found…") leads, not the reoffending-rate line above it."""
        draft, _ = answer(question)
        assert where(draft)[0][1:] == ("Summary", None, 2)
        assert draft.cited[0].quote.startswith("Overall, we found")


class TestLists:
    def test_list_section_cites_only_its_bullets(self, answer):
        # The closing letter paragraphs sit under the same heading but are not bullets
        draft, _ = answer("What were the areas requiring improvement in Thurrock?")
        assert where(draft) == [
            ("thurrock_sqs_2015", "Areas requiring improvement", None, 1),
            ("thurrock_sqs_2015", "Areas requiring improvement", None, 2),
        ]
        assert draft.text == (
            "Thurrock SQS 2015 lists 2 areas requiring improvement:\n"
            "- “Intervention planning should genuinely involve children and young people and "
            "their parents/carers. The plans should be constructed in such a way that they are "
            "effective tools to drive successful interventions.” [1]\n"
            "- “Multi-Agency Public Protection Arrangements need to be fully understood by all "
            "staff and managers.” [2]"
        )

    def test_list_follow_up_uses_the_report_of_the_earlier_question(self, answer):
        draft, _ = answer(
            "What were the key strengths?",
            history=["What was the reoffending rate in Kestrel Vale in 2016?"],
        )
        assert where(draft) == [
            ("kestrel_vale_sqs_2016", "Key strengths", None, n) for n in (1, 2, 3)
        ]
        assert draft.text.startswith("Kestrel Vale SQS 2016 lists 3 key strengths:\n")

    def test_which_question_enumerates_every_matching_grade(self, answer):
        """Each grade of the table, quoted from the report's sentence that states it (and why)
        where there is one, else from its table row."""
        draft, _ = answer("Which Northfield standards were rated Outstanding?")
        assert where(draft) == [
            ("northfield_yos_2019", "Ratings", None, 3),
            ("northfield_yos_2019", "Assessment", "3.1.1", 1),
            ("northfield_yos_2019", "Joint working", "3.4.1", 1),
        ]
        assert draft.text.startswith("Northfield YOS inspection 2019:\n- **1.2 Staff**: ")
        assert draft.text.count(": Outstanding") == 3
        assert draft.cited[0].quote.endswith("| Outstanding")
        assert draft.cited[1].quote.startswith(
            "Assessment of out-of-court disposal cases was outstanding."
        )
        draft, _ = answer("Which Northfield standards were rated Requires improvement?")
        assert where(draft) == [("northfield_yos_2019", "Ratings", None, n) for n in (4, 7, 8)]
        assert all(c.quote.endswith("| Requires improvement") for c in draft.cited)

    def test_which_question_rated_good(self, answer):
        draft, _ = answer("Which standards were rated Good in Northfield?")
        assert where(draft) == [
            *(("northfield_yos_2019", "Ratings", None, n) for n in (2, 5, 9, 10)),
            ("northfield_yos_2019", "Planning", "3.2.2", 2),
            ("northfield_yos_2019", "Ratings", None, 14),
        ]


class TestAbstains:
    def test_plan_that_abstains_passes_its_reason_on(self, answer):
        draft, hits = answer("What did inspectors find in Brackenford?")
        assert hits == []
        assert (draft.text, draft.abstained, draft.cited, draft.related) == (
            f"{NOT_ANSWERED} The stored reports do not mention 'Brackenford'.",
            True,
            [],
            [],
        )

    def test_no_hits(self, sample_assistant):
        corpus = sample_assistant.loader.load()
        plan = sample_assistant.planner.plan("What about planning?", None, None, corpus)
        draft = ExtractiveAnswerer().answer(plan, [], corpus)
        assert draft.text == (f"{NOT_ANSWERED} Nothing in the stored reports matches the question.")
        assert draft.abstained is True and draft.cited == []

    def test_concept_the_report_does_not_cover(self, answer, sample_assistant):
        question = "What rating did Thurrock get for governance and leadership?"
        draft, hits = answer(question)
        assert draft.abstained is True and draft.cited == []
        assert draft.text == (
            f"{NOT_ANSWERED} Thurrock SQS 2015 does not cover what the question asks about."
        )
        assert draft.related == hits[:3]
        corpus = sample_assistant.loader.load()
        plan = sample_assistant.planner.plan(question, None, None, corpus)
        terms = corpus.question_terms(plan.lexical_text)
        assert missing_terms(plan, corpus, terms) == ["rating", "govern", "leadership"]

    def test_nothing_missing_when_every_report_is_searched(self, sample_assistant):
        corpus = sample_assistant.loader.load()
        plan = sample_assistant.planner.plan("What rating was given?", None, None, corpus)
        assert missing_terms(plan, corpus, corpus.question_terms(plan.lexical_text)) == []

    def test_number_question_without_the_number_abstains(self, answer):
        draft, _ = answer("How many staff did the Thurrock YOS employ?")
        # (the letter records no headcount, which reports record wherever they print one)
        told = (
            f"{NOT_ANSWERED} Thurrock SQS 2015 does not give how many staff the service employed."
        )
        assert (draft.text, draft.abstained, draft.cited) == (told, True, [])

    def test_a_sum_or_a_rate_no_report_prints_abstains(self, answer):
        # the reports print caseloads and the reoffending rate, never a budget or another rate
        for question in (
            "What was the annual budget of Marshbury YOS?",
            "How much did each youth offending service spend per child supervised?",
        ):
            draft, _ = answer(question)
            assert (draft.text, draft.abstained, draft.cited) == (NOT_ANSWERED, True, [])
        # a rate named, which no sentence of the targeted report names with a rate: said so
        draft, _ = answer("What was Northfield's first-time entrant rate?")
        assert (draft.text, draft.abstained, draft.cited) == (
            f"{NOT_ANSWERED} Northfield YOS inspection 2019 gives no entrant rate.",
            True,
            [],
        )
        draft, _ = answer("What was Northfield's reoffending rate?")
        assert draft.abstained is False and "44.3%" in draft.text

    def test_evidence_below_the_calibrated_threshold_abstains(self, sample_assistant):
        corpus = sample_assistant.loader.load()
        plan = sample_assistant.planner.plan(
            "Was enforcement action taken promptly in Thurrock?", None, None, corpus
        )
        hits = sample_assistant.retriever.retrieve(plan, corpus, 8)
        assert ExtractiveAnswerer().answer(plan, hits, corpus).abstained is False
        strict = ExtractiveAnswerer(min_evidence=1.01)
        assert strict.answer(plan, hits, corpus).text == NOT_ANSWERED


class TestEvidence:
    """The calibrated evidence score: what it rewards and what vetoes nothing on its own."""

    def test_a_paraphrase_is_not_vetoed_by_missing_words(self):
        # a close match in meaning that prints none of the question's words still answers
        assert evidence(dense=0.7, coverage=0.0, typed=True, missing=False) > MIN_EVIDENCE

    def test_a_passage_without_what_is_asked_does_not_answer(self):
        # "how many staff" against a passage with no count of staff
        assert evidence(dense=0.55, coverage=0.5, typed=False, missing=False) < MIN_EVIDENCE

    def test_a_topic_the_reports_never_print_lowers_the_score(self):
        with_topic = evidence(dense=0.5, coverage=0.4, typed=True, missing=False)
        without = evidence(dense=0.5, coverage=0.4, typed=True, missing=True)
        assert without < MIN_EVIDENCE < with_topic

    def test_more_similarity_and_coverage_never_lower_it(self):
        assert evidence(0.4, 0.2, True, False) < evidence(0.6, 0.2, True, False)
        assert evidence(0.4, 0.2, True, False) < evidence(0.4, 0.6, True, False)


class TestFrequencyAsked:
    """ "How often" is answered by a period ("every fortnight", "monthly") or a share of the
    cases ("in 9 of the 18 cases"), never by a bare duration or a count alone."""

    @pytest.fixture
    def prints(self, sample_corpus):
        from retrieval.answer import _prints_number_asked
        from retrieval.plan import QuestionPlanner

        plan = QuestionPlanner().plan(
            "How often were victims contacted in Marshbury?", None, None, sample_corpus
        )
        return lambda text: _prints_number_asked(plan, text, sample_corpus)

    def test_a_share_of_the_cases_or_a_period_answers(self, prints):
        assert prints("The victim worker contacted the victim in 9 of the 18 cases.") is True
        assert prints("The victim worker rang each victim every fortnight.") is True
        assert prints("Victims were contacted twice a month.") is True

    def test_a_count_alone_does_not(self, prints):
        assert prints("There were 4 restorative conferences in 2013.") is False


class TestRateAsked:
    """ "Is our first-time entrant rate higher than England and Wales's?" is answered by a
    figure of the rate, written as reports write a key fact (no table's cells): the rate,
    not what it is counted per, nor the children's ages."""

    @pytest.fixture
    def plan(self, sample_corpus):
        from retrieval.plan import QuestionPlanner

        return QuestionPlanner().plan(
            "Does Marshbury have a higher first-time entrant rate than England and Wales?",
            None,
            None,
            sample_corpus,
        )

    def test_a_figure_of_the_rate_answers(self, plan, sample_corpus):
        from retrieval.answer import _prints_number_asked

        row = "First-time entrants per 100,000 children aged 10 to 17, England and Wales 148"
        assert _prints_number_asked(plan, row, sample_corpus) is True
        assert (
            _prints_number_asked(plan, "First-time entrants fell sharply.", sample_corpus) is False
        )

    def test_the_figure_is_the_rate_not_its_base(self, plan, sample_corpus):
        from retrieval.answer import answering_span

        row = "First-time entrants per 100,000 children aged 10 to 17, Marshbury 171"
        start, end = answering_span(plan, row, sample_corpus)
        assert row[start:end] == "171"


class TestShareOfAGroup:
    """ "What proportion of the children are girls?" is answered by a share of girls: a share
    of something else ("75 per cent of cases") is not the number asked for."""

    def test_the_group_must_be_printed(self, sample_corpus):
        from retrieval.answer import _prints_number_asked
        from retrieval.plan import QuestionPlanner

        plan = QuestionPlanner().plan(
            "What proportion of the young people in Marshbury are girls?", None, None, sample_corpus
        )
        assert _prints_number_asked(
            plan, "Girls made up 18 per cent of the caseload.", sample_corpus
        )
        assert not _prints_number_asked(
            plan, "Services were sufficient in 75 per cent of cases.", sample_corpus
        )

    def test_the_whole_must_be_printed_beside_the_share(self, sample_corpus):
        """A share of out-of-court cases is not one of the court cases; a share of the staff
        is not one of the children; the whole is told in the sentence giving the share."""
        from retrieval.answer import _prints_number_asked
        from retrieval.plan import QuestionPlanner

        def asked(question):
            return QuestionPlanner().plan(question, None, None, sample_corpus)

        oocd = asked("What proportion of out-of-court cases in Marshbury had good oversight?")
        assert _prints_number_asked(
            oocd, "Oversight was good in 14 of the 16 out-of-court cases.", sample_corpus
        )
        assert not _prints_number_asked(
            oocd, "Oversight was good in 16 of the 22 court cases we inspected.", sample_corpus
        )
        # the section names the cases its sentences count
        court = asked("What share of Marshbury's court disposal cases had good planning?")
        said = "Planning was good enough in 75 per cent of cases."
        assert _prints_number_asked(court, said, sample_corpus, "Court disposals")
        assert not _prints_number_asked(court, said, sample_corpus, "Resettlement")
        # "of them": the whole was named before
        them = asked("And what share of them said they had had training?")
        assert _prints_number_asked(them, "Of those, 45% said they had.", sample_corpus)
        staff = asked("What proportion of Marshbury YOS staff are from minority ethnic groups?")
        assert _prints_number_asked(
            staff, "Of the staff, 18 per cent are from minority ethnic groups.", sample_corpus
        )
        assert not _prints_number_asked(
            staff,
            "Children from minority ethnic groups: 13 per cent of the 10 to 17 population.",
            sample_corpus,
        )


class TestAnsweringSpan:
    """The bold lead is the number of the thing asked about, or nothing."""

    @pytest.fixture
    def span(self, sample_corpus):
        from retrieval.answer import answering_span
        from retrieval.plan import QuestionPlanner

        planner = QuestionPlanner()

        def run(question, quote):
            plan = planner.plan(question, None, None, sample_corpus)
            found = answering_span(plan, quote, sample_corpus)
            return quote[found[0] : found[1]] if found else None

        return run

    @pytest.mark.parametrize(
        ("question", "quote", "bold"),
        [
            (
                "How many case manager vacancies did Marshbury have?",
                "Four of the 13 case manager posts were vacant when we visited.",
                "Four",
            ),
            (
                "How many case manager posts does Marshbury have in total?",
                "Four of the 13 case manager posts were vacant when we visited.",
                "13",
            ),
            (
                "How many Marshbury children were in full-time education?",
                "Only 9 out of 15 children were in full-time education.",
                "9",
            ),
            # a part asked of the sample: the part, written in words too
            (
                "How many of the sampled children had been screened?",
                "In Marshbury only seven of the 16 children had been screened.",
                "seven",
            ),
            # the cases read are the sample: the whole
            (
                "How many cases did inspectors look at in Marshbury?",
                "Assessment was sufficient in 15 of the 21 cases (71%).",
                "21",
            ),
        ],
    )
    def test_of_n_of_the_m_the_part_unless_the_whole_is_asked(self, span, question, quote, bold):
        assert span(question, quote) == bold

    def test_a_count_written_in_words_when_no_figure_counts_the_thing(self, span):
        quote = "Three children in the court sample met the MAPPA criteria. All 3 were referred."
        assert span("How many children were eligible for MAPPA?", quote) == "Three"
        # a figure that counts it comes first
        quote = "Inspectors held 19 interviews with case managers and met six managers."
        assert span("How many interviews with case managers were held?", quote) == "19"

    def test_of_two_counts_of_the_thing_the_one_told_with_the_question_s_words(self, span):
        quote = (
            "The borough is home to about 13,400 children aged 10 to 17. During our fieldwork "
            "the YJS was supervising 96 children."
        )
        assert span("How many children was Marshbury YJS supervising?", quote) == "96"
        assert span("How many children live in Marshbury?", quote) == "13,400"  # a tie: the first

    def test_the_number_of_the_thing_counted(self, span):
        quote = "Caseloads were 9 children per case manager, and 4 staff had left."
        assert span("How many staff had left?", quote) == "4"

    def test_a_frequency_is_a_period_or_a_share_of_the_cases(self, span):
        quote = "The board met every quarter; health attended 1 of the last 5 meetings."
        assert span("How often does the Marshbury board meet?", quote) == "every quarter"
        quote = "The victim worker had contacted the victim in 9 of the 18 cases."
        assert span("How often were victims contacted in Marshbury?", quote) == "9 of the 18"
        assert span("How frequently do they meet?", "They meet monthly.") == "monthly"
        # a weekday: once a week (tune51's "how often does it meet?" was answered "12 months")
        quote = "The joint decision-making panel meets every Wednesday."
        assert span("How often does the panel meet?", quote) == "every Wednesday"
        quote = "The reoffending rate was 29.4 per cent, compared with 32.2 per cent nationally."
        assert span("How often do kids in Marshbury go on to offend again?", quote) == (
            "29.4 per cent"
        )

    def test_a_share_of_the_cases_tells_how_often_only_of_what_is_asked(self, sample_corpus):
        """ "How often does the Marshbury board meet?" is not answered by "Interventions were
        delivered as intended in most cases" (the sample's reports never say; the answer was
        "**most**"); "How often were victims contacted?" is, by "9 of the 18 cases" said of
        victims."""
        from retrieval.answer import _prints_number_asked
        from retrieval.plan import QuestionPlanner

        def asked(question, text):
            plan = QuestionPlanner().plan(question, None, None, sample_corpus)
            return _prints_number_asked(plan, text, sample_corpus)

        other = "Interventions were delivered as intended in most cases."
        assert asked("How often does the Marshbury board meet?", other) is False
        assert asked("How often does the Marshbury board meet?", "The board met monthly.") is True
        told = "Victims were contacted in 9 of the 18 cases."
        assert asked("How often were victims contacted in Marshbury?", told) is True
        assert asked("How often were victims contacted in Marshbury?", other) is False

    def test_how_quickly_is_told_by_a_time_or_in_words_of_speed(self, span, sample_corpus):
        """ "how quickly did he get in touch with victims?" of "contacted victims promptly in
        every relevant case" (a tune follow-up abstained: no time printed); "how long" is
        told by a time only."""
        from retrieval.answer import _prints_number_asked
        from retrieval.plan import QuestionPlanner

        def plan_of(question):
            return QuestionPlanner().plan(question, None, None, sample_corpus)

        quote = "The victim liaison officer contacted victims promptly in every relevant case."
        assert span("How quickly were victims contacted?", quote) == "promptly"
        assert span("How long did it take to contact victims?", quote) is None
        assert span("How quickly were victims contacted?", "Victims waited 3 weeks.") == "3 weeks"
        ask = plan_of("How quickly were victims contacted?")
        assert _prints_number_asked(ask, quote, sample_corpus) is True
        assert _prints_number_asked(plan_of("How long did it take?"), quote, sample_corpus) is False

    def test_the_number_nearest_before_the_thing_counted(self, span):
        quote = "We inspected 20 court orders and 16 out-of-court disposals, 36 cases in all."
        assert span("How many cases did inspectors look at?", quote) == "36"
        assert span("How many cases had COVID-19 delayed?", "COVID-19 delayed 3 cases.") == "3"
        assert span("How many staff had left?", "It happened 5 times.") is None

    def test_a_part_asked_for_is_the_part_of_n_of_m(self, span):
        quote = "Intervention plans were sufficient in only 6 of the 14 cases."
        assert span("How many of the sampled cases had a good enough plan?", quote) == "6"
        assert span("In how many cases was the plan good enough?", quote) == "6"
        assert span("How many cases did inspectors read?", "Inspectors read 14 cases.") == "14"

    def test_a_part_of_a_whole_named_before_is_the_number_told_beside_it(self, span):
        """ "How many of those were out-of-court?" (after the cases inspected) names no thing
        counted: of the key fact "56 cases inspected: 35 court disposals and 21 out-of-court
        disposals", the number told beside the question's own words, not the total."""
        quote = "56 cases inspected: 35 court disposals and 21 out-of-court disposals"
        assert span("How many of those were out-of-court?", quote) == "21"
        assert span("How many cases were inspected?", quote) == "56"

    def test_how_many_times_is_the_number_of_the_events_in_figures_or_words(self, span):
        quote = (
            "The victim worker had contacted the victim in 9 of the 18 cases. Only four "
            "restorative justice conferences had taken place during 2013."
        )
        question = "How many times did victims meet offenders in a restorative conference?"
        assert span(question, quote) == "four"
        assert span("How many times was the plan reviewed?", "It was reviewed 3 times.") == "3"

    def test_the_noun_after_the_counted_word_may_be_what_is_counted(self, span):
        quote = "Plans were sufficient in 6 of the 14 cases."
        assert span("How many sampled cases were there?", quote) == "14"
        # children are counted as cases
        assert span("How many young people were in custody?", "There were 12 custodial cases.") == (
            "12"
        )

    def test_a_sum_of_a_thing_named_is_told_with_its_name(self, sample_corpus):
        """ "How much does the Turning Point scheme cost?": the service's budget is a sum, but
        not the scheme's cost (seven tuning unanswerables were answered with the budget); a
        sum told with the name answers."""
        from retrieval.answer import _prints_what_is_asked
        from retrieval.plan import Plan, Side

        def plan(question):
            p = Plan(question, question, [Side("all reports", None)])
            p.money = p.quantity = True
            return p

        scheme = plan("How much does the Marshbury Turning Point scheme cost each year?")
        budget = "The YJS budget for 2023/24 is £2,145,000."
        assert not _prints_what_is_asked(scheme, budget, sample_corpus)
        told = "The Turning Point scheme costs £84,000 a year."
        assert _prints_what_is_asked(scheme, f"{budget} {told}", sample_corpus)
        # the area's name and an acronym are no thing named
        assert _prints_what_is_asked(plan("What is Marshbury's YJS budget?"), budget, sample_corpus)

    def test_how_long_is_answered_by_a_time_not_any_number(self, span):
        quote = (
            "Roughly 19,600 children live in the area. The Head of Service took up the post "
            "after six years as operational manager."
        )
        assert span("How long was she operational manager?", quote) == "six years"
        assert span("How quickly were children seen?", "Within 10 working days, 19 cases.") == (
            "10 working days"
        )
        assert span("How long did children wait?", "Waits fell in 19 of the 20 cases.") is None

    def test_a_sum_of_money_is_answered_by_a_sum_not_any_number(self, span, sample_corpus):
        from retrieval.answer import _prints_what_is_asked
        from retrieval.plan import QuestionPlanner

        quote = "The council spent £1.4 million on remands in 2022-23, for 12 children."
        assert span("How much did the council spend on remands?", quote) == "£1.4 million"
        assert span("What was the annual budget of the YOS?", quote) == "£1.4 million"
        # of several sums, the one told beside what is asked
        sums = (
            "The YJS budget for 2023/24 is £2,145,000. The council contributes £1,080,000, "
            "the Youth Justice Board grant is £612,000, and the rest comes from the police."
        )
        assert span("How big is our Youth Justice Board grant?", sums) == "£612,000"
        assert span("What is the YJS budget?", sums) == "£2,145,000"
        budget = QuestionPlanner().plan(
            "What is the YOS's annual budget?", None, None, sample_corpus
        )
        staffing = "Average caseloads were 9 children per case manager."
        assert budget.money and not _prints_what_is_asked(budget, staffing, sample_corpus)
        assert _prints_what_is_asked(budget, "Its budget was £2,300,000.", sample_corpus)
        # time spent, a budget talked about, and a count are no sums of money
        for question in (
            "How much of the week does the therapist spend in the service?",
            "What did inspectors say about the budget?",
            "How many staff were paid by the council?",
        ):
            assert not QuestionPlanner().plan(question, None, None, sample_corpus).money

    def test_no_number_of_the_thing_counted_no_lead(self, span):
        quote = "Caseloads averaged 9 children per case manager at the time of the inspection."
        assert span("How many staff work at the YOS?", quote) is None

    def test_the_children_by_another_name(self, span):
        quote = "Inspectors looked at 15 cases of children and young people."
        assert span("How many kids were looked at?", quote) == "15"

    def test_a_table_row_s_value(self, span):
        assert span("How many DTOs were in the sample?", "Detention and Training Orders | 8") == "8"
        assert span("How many staff were there?", "1.2 Staff | 23") == "23"  # not the number 1.2

    def test_a_table_row_s_standard_number_is_not_a_count(self, sample_corpus):
        from retrieval.answer import _prints_what_is_asked
        from retrieval.plan import QuestionPlanner

        plan = QuestionPlanner().plan("How many staff work at the YOS?", None, None, sample_corpus)
        assert not _prints_what_is_asked(plan, "1.2 Staff | Good", sample_corpus)
        assert _prints_what_is_asked(plan, "Staff | 23", sample_corpus)

    def test_a_question_asking_who_and_how_long_takes_either(self, span, sample_corpus):
        from retrieval.answer import _prints_what_is_asked
        from retrieval.plan import QuestionPlanner

        question = "Who provides drug support in Marshbury, and how long do children wait?"
        plan = QuestionPlanner().plan(question, None, None, sample_corpus)
        assert (plan.wants, bool(plan.quantity)) == ("person", True)
        wait = "Children wait six weeks or more for substance misuse support."
        assert _prints_what_is_asked(plan, wait, sample_corpus)
        assert _prints_what_is_asked(plan, "The service is run by Ann Lee.", sample_corpus)
        assert not _prints_what_is_asked(plan, "Support was good.", sample_corpus)
        assert span(question, wait) == "six weeks"
        # the name when the quote prints one
        assert span(question, "Ann Lee's team sees children within six weeks.") == "Ann Lee"
        # one ask alone still needs its kind
        who = QuestionPlanner().plan("Who provides drug support?", None, None, sample_corpus)
        assert not _prints_what_is_asked(who, wait, sample_corpus)


def test_a_wait_is_told_by_the_time_limit_met(sample_corpus):
    """ "How long did children wait for CAMHS?" is answered by "seen within three weeks" (a
    wait told without the word), not by any other time ("the post was vacant for six weeks")."""
    from retrieval.answer import _prints_what_is_asked
    from retrieval.plan import QuestionPlanner

    question = "How long did Marshbury children wait for CAMHS in 2016?"
    plan = QuestionPlanner().plan(question, None, None, sample_corpus)
    seen = "A CAMHS nurse sees children within three weeks of referral."
    assert _prints_what_is_asked(plan, seen, sample_corpus)
    vacant = "The CAMHS post was vacant for six weeks."
    assert not _prints_what_is_asked(plan, vacant, sample_corpus)


def test_how_long_is_answered_by_the_date_a_time_began(sample_corpus):
    """ "How long has the head of service been in post?" is answered by "in post since
    September 2019" (the date bold), not by another time the best passage prints."""
    from retrieval.answer import _prints_what_is_asked, answering_span
    from retrieval.plan import QuestionPlanner

    question = "How long has Ann Lee been running the Marshbury service?"
    plan = QuestionPlanner().plan(question, None, None, sample_corpus)
    since = "The head of service, Ann Lee, has been in post since September 2019."
    assert _prints_what_is_asked(plan, since, sample_corpus)
    span = answering_span(plan, since, sample_corpus)
    assert since[span[0] : span[1]] == "September 2019"
    assert not _prints_what_is_asked(plan, "Ann Lee leads a stable team.", sample_corpus)
    # a wait is still told by a wait: "since" dates no wait
    wait = QuestionPlanner().plan(
        "How long did Marshbury children wait for CAMHS?", None, None, sample_corpus
    )
    assert not _prints_what_is_asked(
        wait, "The CAMHS nurse has been in post since 2015.", sample_corpus
    )


def test_the_number_of_case_manager_posts_is_not_bolded_as_children(sample_corpus):
    """ "How many children does each case manager hold?" of "the 12 case manager posts, and
    caseloads average eight children": eight, not 12."""
    from retrieval.answer import answering_span
    from retrieval.plan import QuestionPlanner

    plan = QuestionPlanner().plan(
        "How many children does each Marshbury case manager hold?", None, None, sample_corpus
    )
    quote = "There are no vacancies among the 12 case manager posts, and caseloads average eight children."
    span = answering_span(plan, quote, sample_corpus)
    assert span is not None and quote[span[0] : span[1]] == "eight"


@pytest.mark.parametrize(
    ("quote", "told"),
    [
        ("A nurse has been based in the service for two and a half days a week.", "two and a half"),
        ("The clinician works 2 and a half days a week in the team.", "2 and a half"),
        ("Half of the sessions were cancelled; the nurse worked three days a week.", "three"),
    ],
)
def test_an_amount_with_a_fraction_is_bolded_whole(sample_corpus, quote, told):
    """ "How many days a week did the nurse work?" of "two and a half days a week" (tune78):
    two and a half, not the "half" next to "days"; a "half" with no whole number before it
    is left as it was."""
    from retrieval.answer import answering_span
    from retrieval.plan import QuestionPlanner

    plan = QuestionPlanner().plan(
        "How many days a week did the Marshbury nurse work?", None, None, sample_corpus
    )
    span = answering_span(plan, quote, sample_corpus)
    assert span is not None and quote[span[0] : span[1]] == told


def test_a_date_answers_when_its_sentence_names_what_is_asked(sample_corpus):
    """ "When was the Choices scheme set up?" is not answered by a passage whose only date is
    told of something else ("The manager was appointed in January 2021")."""
    from retrieval.answer import _prints_what_is_asked
    from retrieval.plan import QuestionPlanner

    plan = QuestionPlanner().plan(
        "When was the Marshbury Choices scheme set up?", None, None, sample_corpus
    )
    assert plan.wants == "date"
    told = "The manager was appointed in January 2021. The Choices scheme began in March 2019."
    assert _prints_what_is_asked(plan, told, sample_corpus)
    other = "The manager was appointed in January 2021. Staff praised the Choices scheme."
    assert not _prints_what_is_asked(plan, other, sample_corpus)


def test_of_several_dates_the_one_told_with_what_is_asked_is_bold(sample_corpus):
    """ "When did the police withdraw their officers?" of a sentence printing two dates: the
    one beside the police officers, not the first; a date range (fieldwork) still wins."""
    from retrieval.answer import answering_span
    from retrieval.plan import QuestionPlanner

    quote = (
        "The loss of the victim worker post in March 2023 and the withdrawal of seconded police "
        "officers in September 2023 were both reported to the board."
    )
    planner = QuestionPlanner()

    def bold(question: str) -> str:
        found = answering_span(
            planner.plan(question, None, None, sample_corpus), quote, sample_corpus
        )
        return quote[found[0] : found[1]] if found else ""

    assert bold("When did Marshbury's police officers leave?") == "September 2023"
    assert bold("When was Marshbury's victim worker post lost?") == "March 2023"
    assert bold("When did it happen in Marshbury?") == "March 2023"  # a tie: the first


class TestTheRateNamed:
    """A rate question is answered by a passage naming that rate, not any percentage."""

    def test_the_measure_is_the_word_before_rate_or_the_words_after_rate_of(self):
        from retrieval.text import measure_words

        places = frozenset({"northfield's", "northfield"})
        assert measure_words("What is Northfield's first-time entrant rate?", places) == ["entrant"]
        assert measure_words("What was the rate of first-time entrants in 2019?") == [
            "first-time",
            "entrants",
        ]
        assert measure_words("thornbeck 2018 reoffending rate?") == ["reoffending"]
        # a year after it: a noun still (terse: "first time entrants rate 2016")
        assert measure_words("first time entrants rate 2016") == ["entrants"]
        assert measure_words("What's the sickness absence rate among the staff?") == ["absence"]
        assert measure_words("What sickness absence rate did the inspectors find?") == ["absence"]
        # the time or source it is asked of after it: a noun still
        assert measure_words("What was the custody rate when the letter was written?") == [
            "custody"
        ]
        assert measure_words("our remand rate according to the 2023 report") == ["remand"]
        # a comparison with another rate after it: a noun still
        assert measure_words("Is our first-time entrant rate under the national one?") == [
            "entrant"
        ]
        # an average names what it averages, and is named by the word itself
        assert measure_words("What was the average caseload per case manager?") == [
            "caseload",
            "average",
        ]
        # a verb, and a rate named by its place only, name no measure
        assert measure_words("How did inspectors rate the planning?") == []
        assert measure_words("What was Northfield's rate?", places) == []
        # the nation is whose rate it is, not what it measures (fresh58: "give no national
        # rate" of a key facts row printing both); the measure after "rate for", as after "of"
        assert measure_words("Is Pebblestow above the national rate for first-time entrants?") == [
            "first-time",
            "entrants",
        ]
        assert measure_words("What is the national reoffending rate?") == ["reoffending"]
        assert measure_words("Is our rate for custody lower?") == ["custody"]
        # the population it is counted over after it (fresh65: the rate "per 100,000" was
        # read as a share of something, which "212 per 100,000 children" is not)
        assert measure_words("Elmswick first-time entrants rate per 100,000") == ["entrants"]

    def test_a_passage_naming_another_rate_does_not_answer(self, sample_corpus, sample_assistant):
        from retrieval.answer import names_measure
        from retrieval.hybrid import hit_from_row
        from retrieval.text import measure_words

        corpus = sample_assistant.loader.load()
        row = next(i for i, t in enumerate(corpus.texts) if "reoffending rate" in t)
        hit = hit_from_row(corpus, row, score=1.0)
        entrants = measure_words("What was the first-time entrant rate?")
        reoffending = measure_words("What was the reoffending rate?")
        assert not names_measure(entrants, hit, corpus)
        assert names_measure(reoffending, hit, corpus)
        assert names_measure([], hit, corpus)  # no rate named: any passage will do

    def test_no_passage_with_the_sum_or_the_rate_no_candidate(self, sample_assistant):
        # however close the best passage is, another figure never answers a sum or a rate;
        # a count it does not print leaves a candidate for the evidence to weigh
        from dataclasses import replace

        from retrieval.answer import candidate
        from retrieval.hybrid import hit_from_row
        from retrieval.plan import QuestionPlanner

        corpus = sample_assistant.loader.load()
        row = next(i for i, t in enumerate(corpus.texts) if "reoffending rate" in t)
        close = replace(hit_from_row(corpus, row, score=1.0), dense=0.95)
        planner = QuestionPlanner()
        for question in ("How much did the YOS spend?", "What was the first-time entrant rate?"):
            plan = planner.plan(question, None, None, corpus)
            assert candidate(plan, [close], {}, corpus, False) is None
        count = planner.plan("How many staff left?", None, None, corpus)
        assert candidate(count, [close], {}, corpus, False) == (
            close,
            {"dense": 0.95, "coverage": 1.0, "typed": False, "missing": False},
        )

    def test_a_rate_is_told_as_a_share_or_per_some_number(self):
        """ "What was the reoffending rate?" is not answered by "the likelihood of reoffending
        was assessed well in 14 of the 20 cases": that names reoffending, but gives no rate."""
        from retrieval.answer import candidate
        from retrieval.hybrid import hit_from_row
        from retrieval.plan import Plan, Side

        corpus = _pellmoor(
            [
                (
                    "Assessment",
                    "The likelihood of reoffending was assessed well in 14 of the 20 cases.",
                    "prose",
                    [],
                ),
                ("Summary", "The proven reoffending rate for children was 35.9%.", "prose", []),
            ]
        )
        question = "What was the reoffending rate in Pellmoor?"
        plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
        plan.quantity = True
        hits = [hit_from_row(corpus, i, score=1.0 - i / 10, dense=0.7) for i in range(2)]
        found = candidate(plan, hits, {}, corpus, False)
        assert found is not None and found[0].ordinal == 2 and found[1]["typed"] is True
        assert candidate(plan, hits[:1], {}, corpus, False) is None


class TestAFollowUpsOwnAsk:
    def test_the_second_best_that_prints_the_follow_ups_own_ask_leads(self, sample_assistant):
        from dataclasses import replace

        from retrieval.answer import _own_ask_first
        from retrieval.hybrid import hit_from_row

        corpus = sample_assistant.loader.load()

        def hit(start):
            return hit_from_row(
                corpus, next(i for i, t in enumerate(corpus.texts) if t.startswith(start)), 1.0
            )

        # "managed at MAPPA level 2"; the other two print neither "level" nor "managed"
        eligible = hit("Five young people in the sample met the criteria")
        plans = hit("Planning was the weakest area")
        prompt = hit("Where necessary, enforcement action")
        plan = sample_assistant.planner.plan(
            "At what level were they managed?",
            ["How many young people met the MAPPA criteria in Kestrel Vale in 2013?"],
            None,
            corpus,
        )
        assert plan.own_ask == "At what level were they managed?"
        assert _own_ask_first(plan, [plans, eligible], corpus) == [eligible, plans]
        # the best two only, and no follow-up of its own: the order stands
        assert _own_ask_first(plan, [plans, prompt, eligible], corpus) == [plans, prompt, eligible]
        assert _own_ask_first(replace(plan, own_ask=""), [plans, eligible], corpus) == [
            plans,
            eligible,
        ]

    def test_the_second_best_must_still_print_the_names_the_best_prints(self):
        """ "Is it still running?" after a question about the 'Rudder' programme: a clinic that
        "no longer runs" prints the follow-up's own word, not the programme's name."""
        from retrieval.answer import _own_ask_first
        from retrieval.hybrid import hit_from_row
        from retrieval.plan import Plan, Side

        corpus = _pellmoor(
            [
                ("Services", text, "prose", [])
                for text in (
                    "The 'Rudder' programme ended in 2019 when both facilitators left.",
                    "The drug service no longer runs a clinic at the YJS.",
                )
            ]
        )
        question = "Is it still running? What was the 'Rudder' programme in Pellmoor?"
        plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
        plan.own_ask = "Is it still running?"
        rudder, clinic = (hit_from_row(corpus, i, 1.0) for i in range(2))
        assert _own_ask_first(plan, [rudder, clinic], corpus) == [rudder, clinic]


class TestWhatIsCounted:
    def test_a_hyphenated_word_may_be_what_is_counted(self):
        from retrieval.text import counted_words as _counted_words

        assert _counted_words("How many first-time entrants were there in 2018?") == [
            "first-time",
            "entrants",
        ]
        assert _counted_words("How many 10-17 year olds live there?") == []
        # a possessive says whose the things counted are; an area's is passed over
        assert _counted_words("How many children's cases did they read?") == ["children", "cases"]
        places = frozenset({"lowmere"})
        assert _counted_words("How many of Lowmere's plans were good?", places) == ["plans"]
        # an adverb after "how many" counts nothing: the whole was named before
        assert _counted_words("Of the cases that needed one, how many actually got one?") == []

    def test_how_many_times_counts_events_whatever_they_are_called(self):
        from retrieval.answer import _counts_occurrences
        from retrieval.text import counted_words as _counted_words

        question = "How many times did the panel meet in 2020?"
        assert (_counted_words(question), _counts_occurrences(question)) == ([], True)
        assert _counts_occurrences("How many staff had left?") is False

    def test_the_area_named_before_the_thing_counted_is_passed_over(self):
        from retrieval.text import counted_words as _counted_words

        places = frozenset({"brackenfold"})
        assert _counted_words("How many Brackenfold case managers were interviewed?", places) == [
            "case",
            "managers",
        ]
        assert _counted_words(
            "How many of the Brackenfold children were looked after?", places
        ) == ["children"]
        assert _counted_words("How many of them had a plan?", places) == []


def test_an_acronym_printed_in_full_words_is_not_missing(sample_assistant):
    """ "YOT" (youth offending team) asked of a report that prints "youth", "offending" and
    "team" names the same service; "MAPPA" asked of one that never prints its words is
    missing."""
    from retrieval.answer import _spelled_out

    corpus = sample_assistant.loader.load()
    have = {"youth", "offend", "team", "servic"}
    assert corpus.acronyms["yot"] == "youth offending team"
    assert _spelled_out("yot", corpus, have) is True
    assert _spelled_out("mappa", corpus, have) is False


def test_asking_for_a_summary_is_not_a_topic_a_report_lacks(sample_assistant):
    """Northfield has no "Summary" heading; "Give me a short summary of …" asks for one, it
    does not name a topic Northfield is missing."""
    corpus = sample_assistant.loader.load()
    plan = sample_assistant.planner.plan(
        "Give me a short summary of how Northfield did in 2019.", None, None, corpus
    )
    assert missing_terms(plan, corpus, corpus.question_terms(plan.lexical_text)) == []


def test_a_part_of_a_hyphenated_word_or_the_kind_of_report_is_no_missing_topic(
    sample_assistant,
):
    """Northfield never prints "sentence", a heading word elsewhere: "court-sentenced
    children" may say "court disposals" in other words, and "the screening" names a kind of
    report; "sentence" written whole is a topic Northfield lacks."""
    corpus = sample_assistant.loader.load()

    def missing(question):
        plan = sample_assistant.planner.plan(question, None, None, corpus)
        return missing_terms(plan, corpus, corpus.question_terms(plan.lexical_text))

    assert missing("How often were Northfield's plans for court-sentenced children updated?") == []
    assert missing("What did the Northfield screening say about planning?") == []
    assert missing("Was the sentence served in Northfield?") == ["sentenc", "serv"]


@pytest.mark.parametrize("kind", ["prose", "rating"])
def test_the_overall_picture_of_a_rated_report_comes_with_its_grade(kind):
    """A summary quoted for "How did Pellmoor do?" that does not say the grade comes with
    where the report prints its overall rating (its record): a sentence giving it is the
    verdict and leads; a grade line ("Overall rating: …") follows the summary."""
    from retrieval.corpus import build_corpus
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    rating = "Pellmoor Youth Justice Service is rated: Requires improvement."
    rows = [
        ("Summary", "Overall, Pellmoor did well with children on court orders.", []),
        (
            "Overall rating",
            rating,
            [{"kind": "fact", "subject": "overall_rating", "value": "Requires improvement"}],
        ),
    ]
    corpus = build_corpus(
        [{"report_id": "p", "area": "Pellmoor", "year": 2024, "inspection_type": "unknown"}],
        {
            "ids": ["p0", "p1"],
            "texts": [text for _, text, _ in rows],
            "metadatas": [
                {
                    "report_id": "p",
                    "section": section,
                    "ordinal": 1,
                    "kind": "prose" if section == "Summary" else kind,
                    "records": [{**r, "text": text} for r in records],
                }
                for section, text, records in rows
            ],
        },
    )
    question = "How did Pellmoor do overall?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.intent, plan.overall = Intent("summary", 0.9, 0.9), True
    hits = [hit_from_row(corpus, 0, score=1.0, dense=0.9, coverage=1.0)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    summary = ("Summary", "Overall, Pellmoor did well with children on court orders.")
    grade = ("Overall rating", rating)
    got = [(c.hit.section, c.quote) for c in draft.cited]
    if kind == "prose":
        assert got == [grade, summary]
        assert draft.text.startswith(f"“{rating}” [1]")
    else:
        assert got == [summary, grade]
        assert draft.text.endswith(f"“{rating}” [2]")


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # the sentence that answers leads; the one before it says something else
        (
            "We rated staffing Good. Case managers each held 9 children on average.",
            "Case managers each held 9 children on average.",
        ),
        # a sentence that points back ("They") keeps the one it points back to
        (
            "We rated staffing Good. Twelve case managers were in post. They each held 9 "
            "children on average.",
            "Twelve case managers were in post. They each held 9 children on average.",
        ),
        # the answer in the first sentence: the paragraph as it is
        (
            "Case managers each held 9 children on average. We rated staffing Good.",
            "Case managers each held 9 children on average. We rated staffing Good.",
        ),
    ],
)
def test_the_sentence_that_answers_leads_the_quote(text, quote):
    """ "What was the average caseload?" is answered by the sentence printing it, bold, not
    by the paragraph's first sentence on another matter; still one verbatim stretch."""
    from retrieval.corpus import build_corpus
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import QuestionPlanner

    corpus = build_corpus(
        [{"report_id": "p", "area": "Pellmoor", "year": 2024, "inspection_type": "unknown"}],
        {
            "ids": ["p0"],
            "texts": [text],
            "metadatas": [{"report_id": "p", "section": "Staff", "ordinal": 1, "kind": "prose"}],
        },
    )
    question = "How many children did each Pellmoor case manager hold on average?"
    plan = QuestionPlanner().plan(question, None, None, corpus)
    assert plan.quantity
    hits = [hit_from_row(corpus, 0, score=1.0, dense=0.8, coverage=0.8)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert [c.quote for c in draft.cited] == [quote]
    assert draft.text == f"**9** — “{quote}” [1]"


def _reports_corpus(reports: list[dict], rows: list[tuple[str, str, str]]):
    """A corpus of several reports as plain data: (report id, section, text) prose rows."""
    from retrieval.corpus import build_corpus

    return build_corpus(
        reports,
        {
            "ids": [f"p{i}" for i in range(len(rows))],
            "texts": [t for _, _, t in rows],
            "metadatas": [
                {"report_id": r, "section": h, "ordinal": i + 1, "kind": "prose"}
                for i, (r, h, _) in enumerate(rows)
            ],
        },
    )


def _one_report_corpus(rows: list[tuple[str, str]], year: int):
    """A corpus of one report "p" (Pellmoor, `year`) of prose paragraphs (section, text)."""
    from retrieval.corpus import build_corpus

    return build_corpus(
        [{"report_id": "p", "area": "Pellmoor", "year": year, "inspection_type": "unknown"}],
        {
            "ids": [f"p{i}" for i in range(len(rows))],
            "texts": [text for _, text in rows],
            "metadatas": [
                {"report_id": "p", "section": section, "ordinal": i + 1, "kind": "prose"}
                for i, (section, _) in enumerate(rows)
            ],
        },
    )


def test_summing_up_a_part_quotes_its_other_paragraphs_among_the_best():
    """ "Summarise what Pellmoor's letter found on public protection": the part's closest
    paragraph, then its other paragraphs among the best few (tune56, tune57, fresh57: one
    paragraph of four was the whole summary); another part's paragraph is not quoted, and
    without the ask to sum up the closest paragraph answers alone."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    rows = [
        ("Protecting the public", "Risk of harm screening was completed in every case."),
        ("Protecting the public", "Risk management plans were on time in 14 of 18 cases."),
        ("Protecting the public", "Work with the police on risk was a strength."),
        ("Reducing reoffending", "Assessments of the risk of reoffending were timely."),
    ]
    corpus = _one_report_corpus(rows, 2017)
    order = [2, 3, 0, 1]  # the search's ranking: the police paragraph first

    def ask(question: str):
        plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
        plan.intent = Intent("topic", 0.9, 0.9)
        hits = [
            hit_from_row(corpus, row, score=1.0 - 0.1 * n, dense=0.8, coverage=0.5)
            for n, row in enumerate(order)
        ]
        return ExtractiveAnswerer().answer(plan, hits, corpus)

    summed = ask("Summarise what the Pellmoor letter found on protecting the public.")
    assert [c.quote for c in summed.cited] == [rows[2][1], rows[0][1], rows[1][1]]
    closest = ask("What did the Pellmoor letter find on work with the police on risk?")
    assert [c.quote for c in closest.cited] == [rows[2][1]]


def test_the_overall_picture_quotes_more_of_the_report_s_summary():
    """A summary is several paragraphs: after the best one, the other retrieved paragraphs of
    the same summary section (best first, up to SUMMARY_PARAGRAPHS in all), never a detailed
    finding ranked among them."""
    from retrieval.answer import SUMMARY_PARAGRAPHS
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    rows = [
        ("Summary", "We inspected 20 cases in Pellmoor in May 2024."),
        ("Summary", "Overall, Pellmoor did well with children on court orders."),
        ("Summary", "Out-of-court work was weaker: assessments came after decisions."),
        ("Summary", "The board knew the service well."),
        ("Court work", "Plans were reviewed in 14 of the 20 cases."),
    ]
    corpus = _one_report_corpus(rows, 2024)
    question = "Sum up how Pellmoor did."
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.intent, plan.overall = Intent("summary", 0.9, 0.9), True
    hits = [
        hit_from_row(corpus, row, score=1.0 - n / 10, dense=0.8, coverage=0.5)
        for n, row in enumerate([1, 4, 2, 0, 3])
    ]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert SUMMARY_PARAGRAPHS == 3
    assert [(c.hit.section, c.hit.ordinal) for c in draft.cited] == [
        ("Summary", 2),
        ("Summary", 3),
        ("Summary", 1),
    ]


def test_one_report_s_overall_picture_is_answered_however_weakly_its_words_match():
    """ "Sum up what the letter concluded overall": no passage prints "sum", "concluded" or
    "overall", and the best one's cosine is low, but every report has an overall picture: its
    best passage answers (a summary of two reports, or a topic question, is still held to the
    evidence)."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    rows = [
        ("Closing", "We found a service emerging from a period of instability."),
        ("Key strengths", "Staff felt well supported by their managers."),
        ("Key strengths", "Reparation was well organised."),
    ]
    corpus = _one_report_corpus(rows, 2017)
    question = "Sum up what the 2017 letter concluded about us overall."
    hits = [
        hit_from_row(corpus, row, score=0.2 - n / 10, dense=0.0, coverage=0.0)
        for n, row in enumerate([0, 1, 2])
    ]

    def plan_for(label: str, reports: list[str]) -> Plan:
        plan = Plan(question, question, [Side("Pellmoor", reports)], areas=["Pellmoor"])
        plan.intent, plan.overall = Intent(label, 0.94, 0.5), label == "summary"
        return plan

    draft = ExtractiveAnswerer().answer(plan_for("summary", ["p"]), hits, corpus)
    assert (draft.abstained, [(c.hit.section, c.hit.ordinal) for c in draft.cited]) == (
        False,
        [("Closing", 1)],
    )
    assert ExtractiveAnswerer().answer(plan_for("topic", ["p"]), hits, corpus).abstained is True


def _two_reports(rows, first_year, second_year):
    """A corpus of Pellmoor's reports "a" and "b" from (report, section, paragraph, kind,
    text) rows."""
    from retrieval.corpus import build_corpus

    reports = [
        {"report_id": r, "area": "Pellmoor", "year": y, "inspection_type": "unknown"}
        for r, y in (("a", first_year), ("b", second_year))
    ]
    return build_corpus(
        reports,
        {
            "ids": [f"r{i}" for i in range(len(rows))],
            "texts": [row[4] for row in rows],
            "metadatas": [
                {"report_id": r, "section": s, "paragraph": p, "ordinal": 1, "kind": k}
                for r, s, p, k, _ in rows
            ],
        },
    )


def test_a_side_quoted_from_a_list_item_also_quotes_the_finding_behind_it():
    """An area for improvement restates a finding: a compared side led by one also quotes the
    numbered paragraph behind it (the figures), first, when that is among the side's best few
    and prints as much of what was asked; a side led by a numbered finding quotes it alone."""
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import Plan, Side

    rows = [  # (report, section, paragraph, kind, text)
        ("a", "Areas for improvement", None, "bullet", "MAPPA referrals should be made on time."),
        (
            "a",
            "Protecting the public",
            "2.2",
            "numbered",
            "One MAPPA referral was four weeks late.",
        ),
        (
            "b",
            "Protecting the public",
            "2.2",
            "numbered",
            "All three MAPPA referrals were on time.",
        ),
        ("b", "Protecting the public", "2.3", "numbered", "MAPPA meetings were attended."),
    ]
    corpus = _two_reports(rows, 2016, 2024)
    question = "Has Pellmoor got better at MAPPA referrals?"
    plan = Plan(question, question, [Side("2016", ["a"]), Side("2024", ["b"])], comparison=True)
    hits = [
        hit_from_row(corpus, row, score=score, dense=0.7, side=side, coverage=1.0)
        for row, score, side in [(0, 1.0, 0), (2, 1.0, 1), (1, 0.95, 0), (3, 0.95, 1)]
    ]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    # the numbered finding leads its side (its figures), the line restating it follows
    assert [(c.hit.report_id, c.hit.paragraph) for c in draft.cited] == [
        ("a", "2.2"),
        ("a", None),
        ("b", "2.2"),
    ]
    assert draft.text.splitlines()[1].endswith(
        "“One MAPPA referral was four weeks late.” [1] “MAPPA referrals should be made on time.” [2]"
    )


def test_a_side_quoted_from_a_paragraph_of_findings_is_not_led_by_another():
    """An unnumbered paragraph of more than one sentence (a "Context" section's) is a finding
    of its own, not a line restating a numbered one: no other paragraph is set before it."""
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import Plan, Side

    rate = "The reoffending rate was 38.6%. The YOS worked with 127 children."
    rows = [  # (report, section, paragraph, kind, text)
        ("a", "Context", None, "prose", rate),
        ("a", "Partnerships", "5.5", "numbered", "The reoffending rate of diverted children was not checked."),
        ("b", "Context", None, "prose", "The reoffending rate was 33.4%. It had fallen."),
    ]  # fmt: skip
    corpus = _two_reports(rows, 2014, 2021)
    question = "Has the Pellmoor reoffending rate come down since 2014?"
    plan = Plan(question, question, [Side("2014", ["a"]), Side("2021", ["b"])], comparison=True)
    hits = [
        hit_from_row(corpus, row, score=score, dense=0.7, side=side, coverage=1.0)
        for row, score, side in [(0, 1.0, 0), (2, 1.0, 1), (1, 0.95, 0)]
    ]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert [(c.hit.report_id, c.hit.section) for c in draft.cited] == [
        ("a", "Context"),
        ("b", "Context"),
    ]
    assert draft.text.splitlines()[1] == f"- **Pellmoor 2014**: “{rate}” [1]"


def test_a_grade_asked_for_is_answered_by_a_passage_that_gives_one():
    """For "How was planning graded, and why?" the passage ranked first that says nothing of a
    grade gives way to the one among the best few stating it."""
    from retrieval.corpus import build_corpus
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import Plan, Side

    texts = [
        "Plans to support desistance were better, and many were written with the child.",
        "We rated planning as Inadequate because plans rarely addressed risk of harm.",
    ]
    corpus = build_corpus(
        [{"report_id": "p", "area": "Pellmoor", "year": 2022, "inspection_type": "unknown"}],
        {
            "ids": ["p0", "p1"],
            "texts": texts,
            "metadatas": [
                {
                    "report_id": "p",
                    "section": "Planning",
                    "paragraph": f"2.2.{i + 1}",
                    "ordinal": i + 1,
                    "kind": "numbered",
                }
                for i in range(2)
            ],
        },
    )
    question = "How was planning graded, and why?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"], rating=True)
    hits = [hit_from_row(corpus, r, score=1.0 - r / 10, dense=0.7, coverage=0.5) for r in (0, 1)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert draft.cited[0].hit.paragraph == "2.2.2"
    assert draft.text.startswith(f"**Inadequate** — “{texts[1]}” [1]")
    plan.rating = False  # asked what was said: the best-ranked passage
    assert ExtractiveAnswerer().answer(plan, hits, corpus).cited[0].hit.paragraph == "2.2.1"


def test_the_overall_picture_is_not_told_by_a_header_field():
    from retrieval.corpus import build_corpus
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    rows = [
        ("Header", "field", "Fieldwork dates: 8-12 April 2019"),
        ("Overall rating", "prose", "Pellmoor Youth Offending Service is rated: Good."),
    ]
    corpus = build_corpus(
        [{"report_id": "p", "area": "Pellmoor", "year": 2019, "inspection_type": "unknown"}],
        {
            "ids": ["p0", "p1"],
            "texts": [t for _, _, t in rows],
            "metadatas": [
                {"report_id": "p", "section": s, "ordinal": 1, "kind": k} for s, k, _ in rows
            ],
        },
    )
    question = "Give me the gist of the Pellmoor inspection"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.intent, plan.overall = Intent("summary", 0.8, 0.9), True
    hits = [hit_from_row(corpus, r, score=1.0 - r / 10, dense=0.7, coverage=0.5) for r in (0, 1)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert [c.hit.section for c in draft.cited] == ["Overall rating"]


def test_organisation_is_no_topic_a_letter_lacks():
    """The rated reports' domain heading "Organisational delivery" makes "organis" a heading
    word; "Which organisation ran the mentoring scheme?" asks about any body, so a letter that
    never prints the word is not for that reason silent on the question ("sentence", a heading
    word too, is a topic)."""
    from retrieval.plan import Plan, Side

    rows = [
        ("r", "Organisational delivery", "The board met every quarter."),
        ("r", "Organisational delivery", "The organisation of the service was clear."),
        ("r", "Organisational delivery", "Staff were well trained."),
        ("r", "Ensuring the sentence is served", "Sentences were served well."),
        ("r", "Ensuring the sentence is served", "Sentence plans were reviewed."),
        ("r", "Ensuring the sentence is served", "Each sentence was explained."),
        (
            "l",
            "Reducing reoffending",
            "A mentoring scheme run by the Boys' Club matched 12 children.",
        ),
    ]
    corpus = _reports_corpus(
        [
            {"report_id": "r", "area": "Rexley", "year": 2022, "inspection_type": "unknown"},
            {"report_id": "l", "area": "Lomford", "year": 2017, "inspection_type": "unknown"},
        ],
        rows,
    )

    def missing(question):
        plan = Plan(question, question, [Side("Lomford", ["l"])], areas=["Lomford"])
        return missing_terms(plan, corpus, corpus.question_terms(plan.lexical_text))

    assert missing("Which organisation ran the mentoring scheme in Lomford?") == []
    assert missing("Was the sentence served in Lomford?") == ["sentenc", "serv"]


def test_a_topic_word_is_one_written_as_a_heading_writes_it():
    """ "Which inspector headed up the visit?" names no "Head of Service" topic; "rating" is
    the word of a "Ratings" heading."""
    from retrieval.answer import _as_headings_write

    headings = {"ratings", "head", "of", "service", "summary"}
    assert not _as_headings_write("headed", headings)
    assert _as_headings_write("rating", headings)
    assert _as_headings_write("ratings", headings)
    assert _as_headings_write("summary", headings)


@pytest.mark.parametrize("told", [True, False])
def test_a_person_read_off_a_role_line_is_quoted_from_the_sentence_naming_them(told):
    """ "Who heads the service?": the copy-list line "Head of Service: Ann Lee" answers, but a
    paragraph among the best few naming her in a sentence says more, and is quoted instead."""
    from retrieval.corpus import build_corpus
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    sentence = (
        "The Head of Service, Ann Lee, took up the post in January 2022."
        if told
        else "The service moved to new offices in January 2022."
    )
    rows = [("Copy list", "prose", "Head of Service: Ann Lee"), ("Leadership", "prose", sentence)]
    corpus = build_corpus(
        [{"report_id": "p", "area": "Pellmoor", "year": 2024, "inspection_type": "unknown"}],
        {
            "ids": ["p0", "p1"],
            "texts": [text for _, _, text in rows],
            "metadatas": [
                {"report_id": "p", "section": section, "ordinal": 1, "kind": kind}
                for section, kind, _ in rows
            ],
        },
    )
    question = "Who heads the Pellmoor service?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"], wants="person")
    plan.intent = Intent("topic", 0.9, 0.9)
    hits = [
        hit_from_row(corpus, 0, score=1.0, dense=0.9, coverage=1.0),
        hit_from_row(corpus, 1, score=0.9, dense=0.8, coverage=0.5),
    ]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    if told:
        assert [c.hit.section for c in draft.cited] == ["Leadership"]
        assert draft.text == f"**Ann Lee** — “{sentence}” [1]"
    else:
        assert [c.hit.section for c in draft.cited] == ["Copy list"]
        assert draft.text == "**Ann Lee** — “Head of Service: Ann Lee” [1]"


def test_a_report_that_scores_its_themes_answers_a_grade_asked_for_with_a_score():
    """A joint inspection scores each theme ("Protecting the public | 61%") and grades none:
    "Which theme scored worst?" is answered by its sentence giving the lowest score; a report
    with neither grades nor scores gives no grade."""
    from retrieval.answer import _gives_grade_or_score
    from retrieval.corpus import build_corpus
    from retrieval.hybrid import hit_from_row

    def corpus_of(rows):
        return build_corpus(
            [{"report_id": "h", "area": "Holme", "year": 2014, "inspection_type": "unknown"}],
            {
                "ids": [f"h{i}" for i in range(len(rows))],
                "texts": [text for _, text in rows],
                "metadatas": [
                    {"report_id": "h", "section": "Scores", "ordinal": i + 1, "kind": kind}
                    for i, (kind, _) in enumerate(rows)
                ],
            },
        )

    scored = corpus_of(
        [
            ("table_row", "Reducing reoffending | 68%"),
            ("table_row", "Protecting the public | 61%"),
            ("table_row", "Governance and partnerships | 52%"),
            ("prose", "Governance and partnerships scored lowest of the five themes at 52%."),
        ]
    )
    lowest = hit_from_row(scored, 3, score=1.0, dense=0.8, coverage=1.0)
    assert _gives_grade_or_score(lowest, scored) is True
    unscored = corpus_of([("prose", "Only 52% of the children were in full-time education.")])
    share = hit_from_row(unscored, 0, score=1.0, dense=0.8, coverage=1.0)
    assert _gives_grade_or_score(share, unscored) is False


def test_a_theme_s_score_asked_of_a_report_that_scores_its_themes_is_answered_by_the_score():
    """ "What was our score on public protection?" of a joint inspection that scores its themes
    asks for a score, however the model reads it: the scores row answers, not a sentence that
    says "good" (it was bolded as the grade)."""
    from retrieval.answer import ExtractiveAnswerer
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import QuestionPlanner

    said = "Joint work with children's social care was good for children who were looked after."
    corpus = _pellmoor(
        [
            ("Protecting the child", said, "numbered", []),
            ("Scores", "Reducing reoffending | 63%", "table_row", []),
            ("Scores", "Protecting the public | 54%", "table_row", []),
            ("Scores", "Protecting the child | 71%", "table_row", []),
        ],
        year=2014,
    )
    question = "What was our score on public protection in Pellmoor in 2014?"
    plan = QuestionPlanner().plan(question, None, None, corpus)
    assert plan.rating is True
    hits = [
        hit_from_row(corpus, i, score=1.0 - n / 10, dense=0.7, coverage=0.5)
        for n, i in enumerate((0, 2, 3))
    ]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert draft.text == "“Protecting the public | 54%” [1]"


def _pellmoor(rows: list[tuple[str, str, str, list[dict]]], year: int = 2021):
    """One report of Pellmoor from (section, text, kind, records) rows in reading order; each
    record's `text` is its paragraph's."""
    from retrieval.corpus import build_corpus

    return build_corpus(
        [{"report_id": "p", "area": "Pellmoor", "year": year, "inspection_type": "unknown"}],
        {
            "ids": [f"p{i}" for i in range(len(rows))],
            "texts": [text for _, text, _, _ in rows],
            "metadatas": [
                {
                    "report_id": "p",
                    "section": section,
                    "ordinal": i + 1,
                    "order": i,
                    "kind": kind,
                    "records": [{**r, "text": text} for r in records],
                }
                for i, (section, text, kind, records) in enumerate(rows)
            ],
        },
    )


def test_the_person_a_question_names_is_not_its_answer():
    """ "Who took over from Janet Okoro?" is answered by the person the passage names after
    her, in bold; a passage naming only her is no answer, though it is the closest."""
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import Plan, Side

    rows = [
        ("Leadership", "Janet Okoro, Head of Service, met us on the first day.", "prose", []),
        (
            "Leadership",
            "Janet Okoro retired in June 2021, and Tobias Renwick took over as head of service.",
            "prose",
            [],
        ),
    ]
    corpus = _pellmoor(rows)
    question = "Who took over from Janet Okoro as head of service?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.wants = "person"
    hits = [hit_from_row(corpus, i, score=1.0 - i / 10, dense=0.7, coverage=0.5) for i in (0, 1)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert [c.hit.ordinal for c in draft.cited] == [2]
    assert draft.text.startswith("**Tobias Renwick** — “Janet Okoro retired in June 2021")


@pytest.mark.parametrize(
    ("question", "ordinal"),
    [
        # the field's name, every word, in a script's keywords: its value, wherever it ranks
        ("pellmoor 2016 screening cases inspected", 4),
        # not named by its field's words, read only half surely as the fact: a passage
        # printing a count of cases, ranked above it, answers
        ("pellmoor 2016 screening cases looked at", 2),
    ],
)
def test_a_field_named_by_a_terse_question_answers_wherever_it_ranks(question, ordinal):
    """ "pellmoor 2016 screening cases inspected": the "Cases inspected: 18 (…)" field, though
    three passages rank above it and one prints a count of cases, as the fact is read only
    half surely (0.59)."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    field = "Cases inspected: 18 (13 community sentences, 5 custodial sentences)"
    rows = [
        (
            "Header",
            "We examined the cases of children who had recently started a sentence.",
            "prose",
            [],
        ),
        (
            "Protecting the child",
            "The screening was accurate in 15 of the 18 cases.",
            "numbered",
            [],
        ),
        ("Protecting the public", "A full analysis was needed in eight cases.", "numbered", []),
        (
            "Header",
            field,
            "field",
            [{"kind": "fact", "subject": "cases_inspected", "value": field[17:]}],
        ),
    ]
    corpus = _pellmoor(rows, year=2016)
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.quantity = True  # (as the planner reads it: test_plan)
    plan.fact, plan.intent = "cases_inspected", Intent("fact:cases_inspected", 0.59, 0.84)
    hits = [hit_from_row(corpus, i, score=1.0 - i / 10, dense=0.7, coverage=0.5) for i in range(4)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert [c.hit.ordinal for c in draft.cited] == [ordinal]
    if ordinal == 4:
        assert draft.text.startswith("**18 (13 community sentences, 5 custodial sentences)** — ")


def _sample_table_corpus(intro: str):
    """A report whose Context introduces a table of the cases inspected with `intro`; its total
    row carries the cases-inspected fact, as `ingest.records` reads it."""
    return _pellmoor(
        [
            ("Context", "Pellmoor is a coastal borough.", "prose", []),
            ("Context", intro, "prose", []),
            ("Context", "Referral Order | 9", "table_row", []),
            (
                "Context",
                "Total | 15",
                "table_row",
                [{"kind": "fact", "subject": "cases_inspected", "value": "15"}],
            ),
            ("Summary", "Planning was good in 12 of the 15 cases.", "prose", []),
        ],
        year=2019,
    )


class TestAFigureOffATableIsToldInItsIntroduction:
    """ "Total | 15" answers how many cases were inspected; the sentence over the table that
    prints 15 says what was counted, and is quoted instead, the figure first in bold."""

    INTRO = (
        "We looked at 15 children sentenced between March and July 2019. "
        "Case managers talked us through 12 of them."
    )

    def _plan(self):
        from retrieval.intents import Intent
        from retrieval.plan import Plan, Side

        question = "How many cases were in the Pellmoor sample?"
        plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
        plan.intent, plan.fact, plan.quantity = (
            Intent("fact:cases_inspected", 0.9, 0.9),
            ("cases_inspected"),
            True,
        )
        return plan

    def test_one_report(self):
        from retrieval.hybrid import hit_from_row

        corpus = _sample_table_corpus(self.INTRO)
        hits = [hit_from_row(corpus, r, score=1.0, dense=0.8, coverage=1.0) for r in (3, 4, 2)]
        draft = ExtractiveAnswerer().answer(self._plan(), hits, corpus)
        assert [(c.hit.section, c.hit.ordinal) for c in draft.cited] == [("Context", 2)]
        assert draft.text == (
            "**15** — “We looked at 15 children sentenced between March and July 2019.” [1]"
        )

    def test_across_reports(self):
        from retrieval.structured import StructuredAnswerer

        corpus = _sample_table_corpus(self.INTRO)
        draft = StructuredAnswerer()._fact_across(self._plan(), corpus)
        assert draft is not None
        assert [(c.hit.section, c.hit.ordinal) for c in draft.cited] == [("Context", 2)]
        assert draft.text == (
            "- **Pellmoor 2019**: 15 — “We looked at 15 children sentenced between March and "
            "July 2019.” [1]"
        )

    @pytest.mark.parametrize(
        "intro",
        [
            "The cases were distributed as follows:",
            # "Table 15: …" prints 15 as the table's number, not as the count of anything
            "Table 15: Cases inspected, by type of sentence",
        ],
    )
    def test_an_introduction_without_the_figure_as_an_amount_leaves_the_row(self, intro):
        from retrieval.hybrid import hit_from_row

        corpus = _sample_table_corpus(intro)
        hits = [hit_from_row(corpus, r, score=1.0, dense=0.8, coverage=1.0) for r in (3, 4, 2)]
        draft = ExtractiveAnswerer().answer(self._plan(), hits, corpus)
        assert [(c.hit.section, c.hit.ordinal) for c in draft.cited] == [("Context", 4)]
        assert draft.text == "**15** — “Total | 15” [1]"


class TestAPersonAskedForByRole:
    """ "Who is the parenting worker?" is answered by a passage naming that role and a person,
    among the best few; a passage naming another worker is no answer."""

    ROWS = [
        "The resettlement worker, Zenobia Castellane, visits each child in custody monthly.",
        "Parents were offered a course run by the parenting worker, Idris Fenwick.",
    ]

    def _corpus(self, rows):
        return _pellmoor([("Staff", text, "prose", []) for text in rows])

    def _answer(self, rows, role="parenting worker"):
        from retrieval.hybrid import hit_from_row
        from retrieval.plan import Plan, Side

        corpus = self._corpus(rows)
        question = f"Who is the {role} at Pellmoor YJS?"
        plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
        plan.wants, plan.role = "person", role
        hits = [
            hit_from_row(corpus, i, score=1.0 - i / 10, dense=0.7, coverage=0.5)
            for i in range(len(rows))
        ]
        return ExtractiveAnswerer().answer(plan, hits, corpus)

    def test_the_passage_naming_the_role_answers(self):
        draft = self._answer(self.ROWS)
        assert [c.hit.ordinal for c in draft.cited] == [2]
        assert draft.text.startswith("**Idris Fenwick** — ")

    def test_no_passage_naming_it_abstains(self):
        draft = self._answer(self.ROWS[:1])
        assert draft.abstained
        assert draft.abstention.detail == "No paragraph found names the parenting worker."

    def test_a_role_named_in_one_sentence_and_a_person_in_another_is_no_answer(self):
        """The paragraph names the parenting worker and a person, but the person is the
        resettlement worker: she is not bolded as the parenting worker."""
        draft = self._answer(
            [
                "The resettlement worker, Zenobia Castellane, visits each child in custody "
                "monthly. Parents had no access to a parenting worker for most of the year."
            ]
        )
        assert draft.abstained and draft.cited == []
        assert draft.abstention.detail == "No paragraph found names the parenting worker."

    def test_a_role_told_of_them_in_the_next_sentence_by_a_pronoun_answers(self):
        """ "Idris Fenwick joined in 2021. He is the parenting worker …": the sentence after
        the name goes on about him; a sentence naming someone else does not."""
        draft = self._answer(
            [
                "Idris Fenwick joined the team in 2021. He is the parenting worker and runs "
                "a weekly group for parents."
            ]
        )
        assert draft.text.startswith("**Idris Fenwick** — ")
        draft = self._answer(
            [
                "Idris Fenwick joined the team in 2021. She told us that Ruth Abney is "
                "the parenting worker for the north."
            ]
        )
        assert draft.text.startswith("**Ruth Abney** — ")

    def test_the_word_that_tells_the_role_apart_must_be_named(self):
        """ "Who is the education worker?" is not answered by "Tabitha Sproat, the victim
        worker": "worker" alone does not name the role, however rare a word it is."""
        rows = ["Tabitha Sproat, the victim worker, contacted 19 of the 21 victims."]
        draft = self._answer(rows, role="education worker")
        assert draft.abstained
        assert draft.abstention.detail == "No paragraph found names the education worker."

    def test_a_word_of_the_role_the_report_never_prints_is_paraphrase(self):
        """ "Who chairs the board overseeing …?" of a report that never says "overseeing":
        the chair of the board answers. A role whose head the report never prints ("youth
        court bench") is not answered by the board's chair."""
        rows = ["The partnership board has been chaired since March 2021 by Dominic Fairweather."]
        draft = self._answer(rows, role="who chairs the board overseeing")
        assert draft.text.startswith("**Dominic Fairweather** — ")
        draft = self._answer(rows, role="who chairs the youth court bench")
        assert draft.abstained
        assert draft.abstention.detail == (
            "No paragraph found names who chairs the youth court bench."
        )

    def test_an_acronym_names_the_role_by_its_words(self):
        """ "A CAMHS practitioner, Junia Drinkwater" is the mental health worker: CAMHS is
        child and adolescent mental health services."""
        rows = [
            "A CAMHS practitioner, Junia Drinkwater, has been seconded to the service.",
            "Child and adolescent mental health services (CAMHS) are provided by the trust.",
            "The victim worker contacted every victim; each case worker held nine cases.",
            "The parenting worker and the education worker share an office.",
        ]
        draft = self._answer(rows, role="mental health worker")
        assert draft.text.startswith("**Junia Drinkwater** — ")

    def test_a_rank_names_no_post_without_its_noun(self):
        """ "Who was the chief inspector?" is answered by "Helena Straker, HM Chief Inspector
        of Probation", not by the chief executive the letter was copied to, nor by the
        Assistant Chief Inspector who signed it (a post below the one asked)."""
        chief = "The report was signed by Helena Straker, HM Chief Inspector of Probation."
        others = [
            "Copied to the Local Authority Chief Executive, Andrew Kellett.",
            "From: Philippa Renshaw, Assistant Chief Inspector (Youth Justice)",
        ]
        draft = self._answer(others, role="chief inspector")
        assert draft.abstained and draft.cited == []
        assert draft.abstention.detail == "No paragraph found names the chief inspector."
        draft = self._answer([*others, chief], role="chief inspector")
        assert [c.hit.ordinal for c in draft.cited] == [3]
        assert draft.text.startswith("**Helena Straker** — ")
        draft = self._answer(others, role="assistant chief inspector")
        assert [c.hit.ordinal for c in draft.cited] == [2]
        assert draft.text.startswith("**Philippa Renshaw** — ")

    def test_an_acronym_asked_by_its_words_is_named_by_them_apart(self):
        """ "Who chairs the youth justice board?" (its words read as the YJB) is answered by
        "The Youth Justice Management Board is chaired by …": the acronym's words, printed
        apart, name it."""
        rows = [
            "The Youth Justice Management Board is chaired by Petra Holloway, Corporate "
            "Director of Children's Services, who took up the role in 2021."
        ]
        draft = self._answer(rows, role="who chairs the youth justice board")
        assert [c.hit.ordinal for c in draft.cited] == [1]
        assert draft.text.startswith("**Petra Holloway** — ")


def test_the_overall_grade_read_off_a_field_is_answered_by_the_sentence_giving_it():
    """ "Overall rating: Requires improvement" in the header answers the overall grade; the
    report's sentence giving it ("We have rated the service … overall") is quoted instead, the
    grade in bold; a sentence naming the grade without "overall" is not that sentence."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    field = "Overall rating: Requires improvement"
    grade = {"kind": "fact", "subject": "overall_rating", "value": "Requires improvement"}
    rows = [
        ("Header", field, "field", [grade]),
        ("Foreword", "Planning in court cases Requires improvement, we found.", "prose", []),
        (
            "Foreword",
            "We have rated the service Requires improvement overall. We make seven "
            "recommendations.",
            "prose",
            [],
        ),
    ]
    corpus = _pellmoor(rows)
    question = "What overall grade did Pellmoor get?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.intent, plan.fact = Intent("fact:overall_rating", 0.9, 0.9), "overall_rating"
    hits = [hit_from_row(corpus, r, score=1.0, dense=0.8, coverage=1.0) for r in (0, 2, 1)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert [(c.hit.section, c.hit.ordinal) for c in draft.cited] == [("Foreword", 3)]
    assert draft.text == (
        "**Requires improvement** — “We have rated the service Requires improvement overall.” [1]"
    )


def test_a_count_fact_answers_only_a_count_of_what_it_counts():
    """The children a service supervised answer "how many children", not "how many staff"."""
    from retrieval.answer import _carries_fact
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import Plan, Side

    text = "When we visited, the YJS was working with 87 children: 49 under court orders."
    record = {"kind": "fact", "subject": "children_supervised", "value": "87"}
    corpus = _pellmoor([("The service", text, "prose", [record])], year=2022)
    hit = hit_from_row(corpus, 0, 1.0)

    def plan(question):
        p = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
        p.fact, p.quantity = "children_supervised", True
        return p

    assert _carries_fact(plan("How many children was Pellmoor YJS supervising?"), hit, corpus)
    assert _carries_fact(plan("How many kids was Pellmoor YJS working with?"), hit, corpus)
    assert not _carries_fact(plan("How many staff did Pellmoor YJS employ?"), hit, corpus)


def test_the_overall_grade_in_bold_is_the_one_the_paragraph_gives_not_its_first_grade_word():
    """A paragraph that counts the standards' grades before giving the overall one ("two
    Outstanding ratings, seven Good … Overall, Pellmoor is rated Good") answers the overall
    grade with that grade in bold, not "Outstanding"."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    text = (
        "Across the 13 standards we gave two Outstanding ratings, seven Good and four "
        "Requires improvement. Overall, Pellmoor Youth Justice Service is rated Good."
    )
    grade = {"kind": "fact", "subject": "overall_rating", "value": "Good"}
    corpus = _pellmoor([("Overall rating", text, "prose", [grade])])
    question = "What overall grade did Pellmoor get?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.intent, plan.fact = Intent("fact:overall_rating", 0.9, 0.9), "overall_rating"
    hits = [hit_from_row(corpus, 0, score=1.0, dense=0.8, coverage=1.0)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert draft.text.startswith("**Good** — “Across the 13 standards")


def test_a_count_fact_counts_what_its_name_says_however_the_sentence_words_it():
    """ "How many cases …?" is answered by the cases inspected, printed as "the cases of 25
    children": the fact counts cases, though no "25 cases" is printed."""
    from retrieval.answer import _carries_fact
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import Plan, Side

    text = "We looked at the cases of 25 children who were subject to court orders."
    record = {"kind": "fact", "subject": "cases_inspected", "value": "25"}
    corpus = _pellmoor([("Summary", text, "prose", [record])], year=2016)
    question = "How many cases did the inspectors look at in Pellmoor?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.fact, plan.quantity = "cases_inspected", True
    assert _carries_fact(plan, hit_from_row(corpus, 0, 1.0), corpus)
    staff = "How many staff did Pellmoor YOS employ?"
    plan = Plan(staff, staff, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.fact, plan.quantity = "cases_inspected", True
    assert not _carries_fact(plan, hit_from_row(corpus, 0, 1.0), corpus)


@pytest.mark.parametrize("question, first", [("What was reviewing rated?", 0), ("Why?", 2)])
def test_a_grade_no_sentence_states_comes_with_its_part_s_first_paragraph(question, first):
    """ "Rating: Inadequate" heads the standard's part, and no sentence states it: the grade's
    row answers; for "Why?", the part's first paragraph (it says why) leads, the row after it."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    grade = {"kind": "rating", "subject": "2.4 Reviewing", "value": "Inadequate"}
    rows = [
        ("Ratings", "2.4 Reviewing | Inadequate", "table_row", [grade]),
        ("Ratings", "3.1 Assessment | Good", "table_row", []),
        ("Reviewing", "Reviewing was sufficient in only 10 of the 24 cases.", "numbered", []),
    ]
    corpus = _pellmoor(rows)
    corpus.metas[2]["paragraph"] = "2.4.1"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.intent, plan.rating = Intent("rating", 0.9, 0.9), True
    if question == "Why?":
        plan.own_ask = question
    hits = [hit_from_row(corpus, 0, score=1.0, dense=0.8, coverage=1.0)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    rows_cited = [c.hit.row for c in draft.cited]
    assert rows_cited == ([0] if first == 0 else [2, 0])


@pytest.mark.parametrize(
    "question, cited", [("What was reviewing rated?", [1, 0]), ("Why?", [1, 2, 0])]
)
def test_why_of_a_stated_grade_cites_the_standard_s_next_paragraphs(question, cited):
    """ "Why?" of a grade a numbered paragraph states: the standard's next numbered paragraph
    gives more of the reasons and follows it; another standard's paragraph does not."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    grade = {"kind": "rating", "subject": "2.4 Reviewing", "value": "Inadequate"}
    rows = [
        ("Ratings", "2.4 Reviewing | Inadequate", "table_row", [grade]),
        ("Reviewing", "Reviewing is rated Inadequate. Only 7 of the 20 plans were reviewed.", "numbered", []),
        ("Reviewing", "In one case a review took four months.", "numbered", []),
        ("Assessment", "Assessment is rated Good.", "numbered", []),
    ]  # fmt: skip
    corpus = _pellmoor(rows)
    for row, number in ((1, "2.4.1"), (2, "2.4.2"), (3, "3.1.1")):
        corpus.metas[row]["paragraph"] = number
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.intent, plan.rating = Intent("rating", 0.9, 0.9), True
    plan.own_ask = question
    hits = [hit_from_row(corpus, 0, score=1.0, dense=0.8, coverage=1.0)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert [c.hit.row for c in draft.cited] == cited


@pytest.mark.parametrize("grade, first", [("Requires improvement", 4), ("Good", 2)])
def test_why_of_a_grade_below_good_leads_with_the_part_s_lowest_share(grade, first):
    """ "Why?" of "2.2 Planning | Requires improvement": the part's paragraph printing its
    lowest share ("only 11 of the 19 cases (58 per cent)") says what fell short and leads, not
    its first paragraph ("15 of the 19 cases"); the others keep their order. Of a Good grade
    the part's first paragraph still leads (tune sets': the shortfall was cited third)."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    record = {"kind": "rating", "subject": "2.2 Planning", "value": grade}
    rows = [
        ("Ratings", f"2.2 Planning | {grade}", "table_row", [record]),
        ("Ratings", "2.3 Delivery | Good", "table_row", []),
        ("Planning", "Planning for desistance was sufficient in 15 of the 19 cases.", "numbered", []),
        ("Planning", "Planning for safety was sufficient in 14 cases (74 per cent).", "numbered", []),
        ("Planning", "Planning to keep others safe was sufficient in only 11 of the 19 cases (58 per cent).", "numbered", []),
        ("Delivery", "Delivery was sufficient in only 2 of the 19 cases.", "numbered", []),
    ]  # fmt: skip
    corpus = _pellmoor(rows)
    for row, number in ((2, "2.2.1"), (3, "2.2.2"), (4, "2.2.3"), (5, "2.3.1")):
        corpus.metas[row]["paragraph"] = number
    plan = Plan("Why?", "Why?", [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.intent, plan.rating, plan.own_ask = Intent("rating", 0.9, 0.9), True, "Why?"
    hits = [hit_from_row(corpus, 0, score=1.0, dense=0.8, coverage=1.0)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert [c.hit.row for c in draft.cited] == ([4, 2, 0] if first == 4 else [2, 0])
    assert draft.cited[0].quote == corpus.texts[first]


def test_a_number_fact_asked_for_is_the_value_its_record_gives():
    """ "How many cases were inspected in total?" of "We inspected 24 court disposal cases and
    20 out-of-court disposal cases, 44 in total": the paragraph's cases-inspected record says
    44, the number put first (it was 20, the number before the last "cases")."""
    from retrieval.corpus import build_corpus
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    text = "We inspected 24 court disposal cases and 20 out-of-court disposal cases, 44 in total."
    corpus = build_corpus(
        [{"report_id": "p", "area": "Pellmoor", "year": 2024, "inspection_type": "unknown"}],
        {
            "ids": ["p0"],
            "texts": [text],
            "metadatas": [
                {
                    "report_id": "p",
                    "section": "Background",
                    "ordinal": 1,
                    "kind": "prose",
                    "records": [
                        {"kind": "fact", "subject": "cases_inspected", "value": "44", "text": text}
                    ],
                }
            ],
        },
    )
    question = "How many cases were inspected in total?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.quantity = True
    plan.intent, plan.fact = Intent("fact:cases_inspected", 0.9, 0.9), "cases_inspected"
    hits = [hit_from_row(corpus, 0, score=1.0, dense=0.9, coverage=1.0)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert draft.text == f"**44** — “{text}” [1]"
    plan.fact = None  # no record asked for: the number told beside "cases", as before
    assert ExtractiveAnswerer().answer(plan, hits, corpus).text.startswith("**20** — ")


def test_a_number_asked_for_is_quoted_from_the_sentence_that_prints_it():
    """A long paragraph quoted by the question's words ("young people", "sentenced") gave two
    sentences about programmes and no number; the sentence printing the count is quoted, and
    its number (in words) leads."""
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import QuestionPlanner

    counted = (
        "Seven of the 16 children were not in education, training or employment when they "
        "were sentenced, and in four of those cases nothing had been done by our visit."
    )
    text = (
        "We saw some well-delivered work with young people. The Step Forward programme, which "
        "addresses knife carrying and group offending, was valued by the young people who had "
        "completed it, and the reparation scheme at the Hollins Park community allotment gave "
        "young people who had been sentenced a visible way of putting something back to the "
        "community they had harmed. The education, training and employment worker post had "
        f"been vacant since October 2016. {counted}"
    )
    corpus = _pellmoor([("Reducing reoffending", text, "prose", [])], year=2017)
    question = (
        "How many of the young people you looked at in Pellmoor weren't in school when sentenced?"
    )
    plan = QuestionPlanner().plan(question, None, None, corpus)
    assert plan.quantity and len(text) > 500
    hits = [hit_from_row(corpus, 0, score=1.0, dense=0.8, coverage=0.8)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert draft.text == f"**Seven** — “{counted}” [1]"
    assert [c.quote for c in draft.cited] == [counted]


def test_an_average_asked_for_is_the_number_told_after_its_name():
    """ "What was the average caseload?" of "Only three left in the 12 months before … Case
    managers held an average caseload of eight children": eight (in words), not the 12; and a
    passage naming no caseload answers no average caseload."""
    from retrieval.answer import answering_span, candidate
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import QuestionPlanner

    quote = (
        "Only three members of staff left in the 12 months before the inspection. Case "
        "managers held an average caseload of eight children, which they described as manageable."
    )
    other = "An initial assessment had been completed on time in 12 of the 16 cases."
    corpus = _pellmoor([("Staff", quote, "prose", []), ("Assessment", other, "prose", [])])
    plan = QuestionPlanner().plan("What was the average caseload in Pellmoor?", None, None, corpus)
    span = answering_span(plan, quote, corpus)
    assert span is not None and quote[span[0] : span[1]] == "eight"
    hit = hit_from_row(corpus, 1, score=1.0, dense=0.9, coverage=0.5)
    assert candidate(plan, [hit], {}, corpus, False) is None


def test_an_average_of_something_else_is_no_average_asked_for():
    """ "average caseload per case manager" is not answered by "referrals waited an average of
    14 weeks" (the word "average" named it: 14 was bolded as the caseload); an average told in
    other words, in a clause naming something the question asks about ("Case managers held an
    average of eight children each"), still answers."""
    from retrieval.answer import candidate
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import QuestionPlanner

    wait = (
        "Children were seen quickly, but onward referrals to CAMHS waited an average of 14 weeks."
    )
    held = "Case managers held an average of eight children each, and none held more than 12."
    corpus = _pellmoor([("Health", wait, "prose", []), ("Staff", held, "prose", [])])
    question = "average caseload per case manager pellmoor 2016"
    plan = QuestionPlanner().plan(question, None, None, corpus)
    terms = corpus.question_terms(plan.lexical_text)
    waits = hit_from_row(corpus, 0, score=1.0, dense=0.9, coverage=0.5)
    assert candidate(plan, [waits], terms, corpus, False) is None
    holds = hit_from_row(corpus, 1, score=1.0, dense=0.9, coverage=0.5)
    found = candidate(plan, [holds], terms, corpus, False)
    assert found is not None and found[0].text == held and found[1]["typed"] is True


@pytest.mark.parametrize(
    ("question", "wants"),
    [
        ("What's the name of the speech and language therapist?", "person"),
        ("What is the name of the youth offending team manager in Pellmoor?", "person"),
        ("What's the name of the centre Pellmoor set up for excluded pupils?", None),
    ],
)
def test_the_name_of_a_job_asks_for_a_person(question, wants):
    from retrieval.plan import QuestionPlanner

    corpus = _pellmoor([("Staff", "Pellmoor has a centre and a therapist.", "prose", [])])
    assert QuestionPlanner().plan(question, None, None, corpus).wants == wants


def test_a_year_something_began_answers_when_no_passage_prints_a_date():
    """ "When did Turnstone start?": "Since 2019 the Turnstone diversion scheme …" answers (it
    abstained: no day or month); a passage printing a full date of what is asked wins when the
    best few hold one ("since 2016" of another topic was quoted for "Since when has the panel
    met?"), not one printing a date of something else."""
    from retrieval.answer import answering_span, candidate
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import QuestionPlanner

    since = "Since 2019 the Turnstone diversion scheme has offered children an alternative."
    dated = "Since January 2024 the exploitation panel has met every fortnight."
    corpus = _pellmoor([("Out-of-court", since, "prose", []), ("Partnerships", dated, "prose", [])])
    planner = QuestionPlanner()
    plan = planner.plan("When did Turnstone start in Pellmoor?", None, None, corpus)
    assert plan.wants == "date"
    hits = [hit_from_row(corpus, 0, score=1.0, dense=0.8, coverage=0.8)]
    found = candidate(plan, hits, {}, corpus, False)
    assert found is not None and found[0].row == 0 and found[1]["typed"] is True
    span = answering_span(plan, since, corpus)
    assert span is not None and since[span[0] : span[1]] == "2019"
    both = [*hits, hit_from_row(corpus, 1, score=0.9, dense=0.7, coverage=0.5)]
    # a full date told of something else does not answer when Turnstone started
    found = candidate(plan, both, {}, corpus, False)
    assert found is not None and found[0].row == 0
    panel = planner.plan("Since when has the Pellmoor panel met?", None, None, corpus)
    found = candidate(panel, both, {}, corpus, False)
    assert found is not None and found[0].row == 1


def test_the_year_something_named_happened_in_answers_when():
    """ "When did we stop using the office in Stannerley?": "The Stannerley office closed in
    2017." answers, 2017 in bold (it abstained: no day, month or "since"); a year in a sentence
    about something else ("in 2012 a plan was needed") does not, and with no other passage
    there is no answer (`candidate` finds none)."""
    from retrieval.answer import answering_span, candidate
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import QuestionPlanner

    closed = "The Stannerley office closed in 2017. Staff now see children at Calder House."
    other = "In 2012 a plan was needed in 9 cases but had been completed in only 5."
    corpus = _pellmoor([("Facilities", closed, "prose", []), ("Planning", other, "prose", [])])
    plan = QuestionPlanner().plan(
        "When did Pellmoor stop using the office in Stannerley?", None, None, corpus
    )
    assert plan.wants == "date"
    found = candidate(
        plan, [hit_from_row(corpus, 0, score=1.0, dense=0.5, coverage=0.7)], {}, corpus, False
    )
    assert found is not None and found[1]["typed"] is True
    span = answering_span(plan, closed, corpus)
    assert span is not None and closed[span[0] : span[1]] == "2017"
    found = candidate(
        plan, [hit_from_row(corpus, 1, score=1.0, dense=0.5, coverage=0.2)], {}, corpus, False
    )
    assert found is None


@pytest.mark.parametrize(("probability", "named"), [(0.71, True), (0.5, False)])
def test_a_role_asked_in_other_words_is_held_by_the_record_read_surely(probability, named):
    """ "Who runs the youth justice service?": "The head of service, Colette Ashby-Marr" prints
    none of the role's words but is the service manager's record; read as asking for it surely
    enough, it answers (it bolded "Second Step", a programme, from another paragraph)."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    head = "The head of service, Colette Ashby-Marr, was appointed in September 2020."
    record = {"kind": "fact", "subject": "service_manager", "value": "Colette Ashby-Marr"}
    corpus = _pellmoor([("Background", head, "prose", [record])])
    question = "Who runs the youth justice service?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.wants, plan.role = "person", "who runs the youth justice service"
    plan.intent, plan.fact = Intent("fact:service_manager", probability, 0.8), "service_manager"
    hits = [hit_from_row(corpus, 0, score=1.0, dense=0.6, coverage=0.0)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    if named:
        assert draft.text == f"**Colette Ashby-Marr** — “{head}” [1]"
    else:
        assert draft.abstained
        assert draft.abstention.detail == (
            "No paragraph found names who runs the youth justice service."
        )


def test_a_role_asked_in_other_words_is_answered_by_a_lower_record_read_surely():
    """ "who runs the youth justice service now?": the closest passage is about a programme
    the service runs; the service manager's record two passages down ("Head of service | Tom
    Akinyemi") answers, read surely as that fact (it had abstained: "No paragraph found names
    who runs the youth justice service")."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    garden = (
        "Reparation remains a strength. The horticulture project at Millbrook Community Garden "
        "is still running, and a bicycle repair workshop, Spokes, opened in Kettleby in 2023."
    )
    became = "Tom Akinyemi became head of service in September 2021 after three years as manager."
    row = "Head of service | Tom Akinyemi (in post since September 2021)"
    record = {
        "kind": "fact",
        "subject": "service_manager",
        "value": "Tom Akinyemi (in post since September 2021)",
    }
    corpus = _pellmoor(
        [
            ("Partnerships", garden, "prose", []),
            ("Governance", became, "prose", []),
            ("Key facts", row, "table_row", [record]),
            ("Context", "The Youth Justice Service (YJS) works with children.", "prose", []),
        ]
    )
    question = "who runs the youth justice service now?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.wants, plan.role = "person", "who runs the youth justice service"
    plan.intent, plan.fact = Intent("fact:service_manager", 0.74, 0.83), "service_manager"
    hits = [
        hit_from_row(corpus, 0, score=0.54, dense=0.34, coverage=0.67),
        hit_from_row(corpus, 1, score=0.52, dense=0.38, coverage=0.0),
        hit_from_row(corpus, 2, score=0.51, dense=0.38, coverage=0.0),
    ]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert draft.text == f"**Tom Akinyemi** — “{row}” [1]"
    assert [c.hit.row for c in draft.cited] == [2]


def test_the_national_row_of_a_key_facts_table_is_not_the_service_s_figure():
    """ "What's our reoffending rate?": the key facts print the nation's row above the area's
    ("Binary reoffending rate, England and Wales | 32.2%"); a sentence had already given the
    national rate, so no record marks the row as national, and its label says so: the area's
    row answers (it had bolded 32.2%)."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    said = "The reoffending rate is above the England and Wales average of 32.2 per cent."
    national = "Binary reoffending rate, England and Wales | 32.2%"
    own = "Binary reoffending rate, Pellmoor | 34.6%"
    rate = {"kind": "fact", "subject": "reoffending_rate", "value": "34.6%"}
    avg = {"kind": "fact", "subject": "national_reoffending_rate", "value": "32.2 per cent"}
    corpus = _pellmoor(
        [
            ("About the inspection", said, "prose", [avg]),
            ("Key facts", national, "table_row", []),
            ("Key facts", own, "table_row", [rate]),
        ]
    )
    question = "What's our reoffending rate according to the most recent inspection?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.quantity = True
    plan.intent = Intent("collection:latest", 0.48, 0.77)
    hits = [
        hit_from_row(corpus, 1, score=0.742, dense=0.6, coverage=1.0),
        hit_from_row(corpus, 2, score=0.742, dense=0.597, coverage=1.0),
        hit_from_row(corpus, 0, score=0.718, dense=0.485, coverage=1.0),
    ]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert draft.text == f"**34.6%** — “{own}” [1]"


@pytest.mark.parametrize(
    ("recorded", "intent"),
    [
        (False, ("fact:reoffending_rate", 0.84)),
        (True, ("fact:reoffending_rate", 0.84)),
        # named in the question, however the question reads
        (False, ("topic", 0.1)),
    ],
)
def test_a_rate_no_targeted_report_gives_is_not_answered_by_a_count(recorded, intent):
    """ "what was our reoffending rate back in 2015?" of a screening letter, which gives none:
    "21 of the 22 cases" (assessments done on time) was bolded as the answer. Where the report
    records the rate, it answers."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    counted = "Assessments were completed on time in 21 of the 22 cases."
    given = "The reoffending rate for Pellmoor children was 36.0%."
    rate = {"kind": "fact", "subject": "reoffending_rate", "value": "36.0%"}
    rows = [("Reducing reoffending", counted, "numbered", [])]
    if recorded:
        rows.append(("Context", given, "prose", [rate]))
    corpus = _pellmoor(rows)
    question = "what was our reoffending rate back in 2015?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.quantity = True
    plan.fact = "reoffending_rate" if intent[0].startswith("fact:") else None
    plan.intent = Intent(intent[0], intent[1], 0.73)
    hits = [
        hit_from_row(corpus, i, score=0.5 - i / 10, dense=0.3, coverage=0.2)
        for i in range(len(rows))
    ]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    if recorded:
        assert not draft.abstained
        assert "36.0%" in draft.text
    else:
        assert draft.abstained
        assert draft.abstention.detail == f"{corpus.label('p')} gives no reoffending rate."


def test_a_rate_told_as_a_share_of_children_is_given():
    """ "corvenham ooc disposal reoffending rate": "14% had reoffended within 12 months" tells
    the rate without the word; a share of the cases inspected ("in 71% of the cases") does
    not."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    told = "Of the children who received one in 2021, 14% had reoffended within 12 months."
    corpus = _pellmoor([("Out-of-court disposals", told, "numbered", [])])
    question = "pellmoor ooc disposal reoffending rate"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.quantity, plan.intent = True, Intent("topic", 0.3, 0.7)
    hits = [hit_from_row(corpus, 0, score=0.8, dense=0.6, coverage=0.8)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert draft.text == f"**14%** — “{told}” [1]"


def test_why_a_grade_was_given_is_told_in_sentences_not_the_grade_s_row():
    """ "Why did the staff one get that?" after "Which areas were rated outstanding?": the
    ratings table's row ("1.2 Staff | Outstanding") is the closest passage, but the reasons
    are the standard's sentences."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    row = "1.2 Staff | Outstanding"
    told = "Staff are highly motivated and proud to work for the YJS; caseloads are manageable."
    corpus = _pellmoor([("Ratings", row, "table_row", []), ("Staff", told, "numbered", [])])
    question = "Why did the staff one get that?"
    earlier = "Which areas were rated outstanding in Pellmoor's 2021 inspection?"
    plan = Plan(question, f"{question} {earlier}", [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.inherited, plan.own_ask = True, question
    plan.intent = Intent("topic", 0.53, 0.61)
    hits = [
        hit_from_row(corpus, 0, score=0.545, dense=0.6, coverage=0.5),
        hit_from_row(corpus, 1, score=0.489, dense=0.5, coverage=0.5),
    ]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert [c.hit.row for c in draft.cited] == [1]


def test_a_table_figure_is_quoted_from_a_sentence_that_counts_it():
    """ "Total | 23" answers how many cases were looked at; a retrieved sentence of the same
    report that prints 23 counting children says what the figure is, and is quoted. A
    sentence that prints 23 of something else is not."""
    from retrieval.answer import Cited, _figure_told_in_a_sentence
    from retrieval.corpus import build_corpus
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import Plan, Side

    rows = [
        ("Introduction", 1, "We looked at the work with 23 children on court orders.", "prose"),
        ("Reviewing", 2, "Reviews were late in 23 per cent of the plans.", "prose"),
        ("Cases inspected", 1, "Court orders | 15", "table_row"),
        ("Cases inspected", 2, "Total | 23", "table_row"),
    ]
    metas = [
        {"report_id": "a", "section": s, "paragraph": None, "ordinal": n, "kind": k, "order": i}
        for i, (s, n, _, k) in enumerate(rows)
    ]
    corpus = build_corpus(
        [{"report_id": "a", "area": "Avonby", "year": 2016}],
        {"ids": [f"p{i}" for i in range(4)], "texts": [r[2] for r in rows], "metadatas": metas},
    )
    question = "How many children's cases did the team look at?"
    plan = Plan(question, question, [Side("Avonby", ["a"])], quantity=True)
    total = hit_from_row(corpus, 3, 1.0)
    intro, reviews = hit_from_row(corpus, 0, 0.5), hit_from_row(corpus, 1, 0.9)
    cited, figure = _figure_told_in_a_sentence(
        plan, Cited(total, "Total | 23"), corpus, [total, reviews, intro]
    )
    assert (cited.hit.row, cited.quote, figure) == (
        0,
        "We looked at the work with 23 children on court orders.",
        "23",
    )
    cited, figure = _figure_told_in_a_sentence(
        plan, Cited(total, "Total | 23"), corpus, [total, reviews]
    )
    assert (cited.hit.row, figure) == (3, None)


def test_a_score_asked_of_a_report_that_prints_one_is_answered_by_the_score():
    """ "What score out of 36 did we get?" of a report printing "Score: 22/36" beside its grade
    is answered by the score (it was answered by the grade: the embedding hardly tells a score
    from a grade); of a report printing no score, the grade is still what is asked of it."""
    from retrieval.answer import ExtractiveAnswerer
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import QuestionPlanner

    rated = "Overall, Pellmoor YJS was rated as Good."
    rows = [
        (
            "Foreword",
            rated,
            "prose",
            [{"kind": "fact", "subject": "overall_rating", "value": "Good"}],
        ),
        (
            "Ratings",
            "Score: 22/36",
            "field",
            [{"kind": "fact", "subject": "overall_score", "value": "22/36"}],
        ),
    ]
    corpus = _pellmoor(rows)
    question = "What score out of 36 did Pellmoor get?"

    class ReadsOverallRating:
        """Reads every question as asking the overall rating, as the model read this one."""

        def classify(self, question, vector=None, ruled_out=None):
            return Intent("fact:overall_rating", 0.6, 0.7)

    planner = QuestionPlanner(intents=ReadsOverallRating())
    plan = planner.plan(question, None, None, corpus)
    assert plan.fact == "overall_score"
    # retrieval puts the line carrying the asked fact first
    hits = [
        hit_from_row(corpus, i, score=1.0 - n / 10, dense=0.6, coverage=0.5)
        for n, i in enumerate((1, 0))
    ]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert [c.hit.row for c in draft.cited] == [1, 0]
    assert draft.text.startswith("**22/36** — “Score: 22/36” [1]")
    unscored = _pellmoor(rows[:1])
    assert planner.plan(question, None, None, unscored).fact == "overall_rating"


def test_the_national_rate_on_a_row_of_its_own_follows_the_area_s():
    """ "How does it compare with the national figure?" of a report whose key facts give the
    area's and the national reoffending rate a row each: both rows are cited (only the area's
    was), the area's first; the national row is not added when the question does not ask."""
    from retrieval.corpus import build_corpus
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import QuestionPlanner

    rows = [
        ("Proven reoffending rate, Pellmoor | 35.8%", "reoffending_rate", "35.8%"),
        (
            "Proven reoffending rate, England and Wales | 31.2%",
            "national_reoffending_rate",
            "31.2%",
        ),
    ]
    corpus = build_corpus(
        [{"report_id": "p", "area": "Pellmoor", "year": 2023, "inspection_type": "unknown"}],
        {
            "ids": ["p0", "p1"],
            "texts": [text for text, _, _ in rows],
            "metadatas": [
                {
                    "report_id": "p",
                    "section": "Key facts",
                    "ordinal": n + 1,
                    "kind": "table_row",
                    "records": [{"kind": "fact", "subject": subject, "value": value, "text": text}],
                }
                for n, (text, subject, value) in enumerate(rows)
            ],
        },
    )
    hits = [hit_from_row(corpus, 0, score=1.0, dense=0.8, coverage=0.8)]
    for question, quotes in (
        (
            "How does the Pellmoor reoffending rate compare with the national figure?",
            [rows[0][0], rows[1][0]],
        ),
        ("What is the Pellmoor reoffending rate?", [rows[0][0]]),
    ):
        plan = QuestionPlanner().plan(question, None, None, corpus)
        plan.fact = "reoffending_rate"  # as the intents read both (a fact read by meaning)
        draft = ExtractiveAnswerer().answer(plan, hits, corpus)
        assert [c.quote for c in draft.cited] == quotes, question


def test_a_figure_asked_of_the_service_is_not_the_national_row_ranked_above_it():
    """ "What share of our children reoffended?" where the search ranked the national row
    ("… England and Wales | 31.2%") above the area's own: the area's is quoted; asked about
    the national figure, the national row is."""
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import QuestionPlanner

    corpus = _pellmoor(
        [
            (
                "Key facts",
                "Reoffending rate (England and Wales) | 31.2%",
                "table_row",
                [{"kind": "fact", "subject": "national_reoffending_rate", "value": "31.2%"}],
            ),
            (
                "Key facts",
                "Reoffending rate (Pellmoor) | 29.4%",
                "table_row",
                [{"kind": "fact", "subject": "reoffending_rate", "value": "29.4%"}],
            ),
        ]
    )
    hits = [
        hit_from_row(corpus, 0, score=0.9, dense=0.6, coverage=0.5),
        hit_from_row(corpus, 1, score=0.8, dense=0.6, coverage=0.5),
    ]
    for question, quote in (
        ("What share of our children went on to reoffend in Pellmoor?", "29.4%"),
        ("What was the national reoffending rate beside Pellmoor's?", "31.2%"),
    ):
        plan = QuestionPlanner().plan(question, None, None, corpus)
        draft = ExtractiveAnswerer().answer(plan, hits, corpus)
        assert draft.cited[0].quote.endswith(quote), question
        assert draft.text.startswith(f"**{quote}** — "), question


def test_a_letter_s_verdict_on_the_whole_leads_its_summary():
    """ "Sum up the 2016 letter" of a letter with no Summary heading and no grade: the paragraph
    that opens as its verdict on the whole ("Overall, we found …") leads, wherever the search
    ranked it; the passage the search found best follows."""
    from retrieval.corpus import build_corpus
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import QuestionPlanner

    texts = [
        "We looked at 24 cases and met the YOS manager and the board's chair.",
        "Overall, we found a committed staff group, but risk of harm work must improve.",
        "Work with victims was a clear strength of the service.",
    ]
    corpus = build_corpus(
        [{"report_id": "p", "area": "Pellmoor", "year": 2016, "inspection_type": "sqs"}],
        {
            "ids": ["p0", "p1", "p2"],
            "texts": texts,
            "metadatas": [
                {"report_id": "p", "section": s, "ordinal": n, "kind": "prose", "order": i}
                for i, (s, n) in enumerate(
                    [("Introduction", 1), ("Introduction", 2), ("Protecting the public", 1)]
                )
            ],
        },
    )
    plan = QuestionPlanner().plan("Sum up the 2016 Pellmoor letter", None, None, corpus)
    plan.overall = True
    plan.intent = Intent("summary", 0.9, 0.8)  # as the intents read it (by meaning)
    hits = [hit_from_row(corpus, row, score=1.0, dense=0.8, coverage=0.5) for row in (2, 0)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert [c.quote for c in draft.cited][:2] == [texts[1], texts[2]]


def test_a_role_no_paragraph_names_is_told_as_the_question_writes_it():
    from retrieval.answer import _role_as_asked

    question = "Who was the Cranmoor YOS health worker in 2016?"
    assert _role_as_asked("yos health worker", question) == "the YOS health worker"
    assert _role_as_asked("who chairs the board", "Who chairs the board?") == "who chairs the board"


def test_a_count_of_those_counted_before_is_told_of_that_whole(sample_corpus):
    """ "And how many of those were assessed well enough?" after a question counting the
    out-of-court cases: a count told of the court cases is of another whole; one told of the
    out-of-court cases (or under their heading) answers."""
    from retrieval.answer import _prints_number_asked
    from retrieval.plan import QuestionPlanner

    plan = QuestionPlanner().plan(
        "And how many of those were assessed well enough?",
        ["How many out-of-court cases did they inspect in Marshbury in 2016?"],
        None,
        sample_corpus,
    )
    assert plan.whole_before == ["out-of-court", "cases"]
    court = "Assessment was sufficient in 11 of the 13 court cases."
    assert not _prints_number_asked(plan, court, sample_corpus, "Court disposals")
    assert _prints_number_asked(
        plan, "Assessment was sufficient in 12 of the 14 out-of-court cases.", sample_corpus
    )
    assert _prints_number_asked(
        plan, "Assessment was sufficient in 12 of the 14 cases.", sample_corpus, "Out-of-court work"
    )
    own = QuestionPlanner().plan(
        "How many staff were there?",
        ["How many out-of-court cases were inspected?"],
        None,
        sample_corpus,
    )
    assert own.whole_before == []


def test_a_follow_up_s_missing_topics_are_its_own_words_not_the_earlier_question_s():
    """ "and who was in charge of it at the time of the 2016 screening?" after "Who chairs the
    partnership board now?" is searched with the earlier question, but the 2016 letter not
    printing "partnership" is no topic it fails to cover: the earlier words were asked of
    another report (a tune follow-up abstained)."""
    from retrieval.plan import Plan, Side

    rows = [("s", "Introduction", "The YOS Management Board is chaired by Mr Graham Pettifer.")]
    rows += [
        ("y", "Partnerships and services", f"Partnership work was strong ({n}).") for n in "123"
    ]
    corpus = _reports_corpus(
        [
            {"report_id": "s", "area": "Calder", "year": 2016, "inspection_type": "sqs"},
            {"report_id": "y", "area": "Calder", "year": 2023, "inspection_type": "yjs"},
        ],
        rows,
    )
    q = "and who was in charge of it at the time of the 2016 screening?"
    earlier = "Who chairs the partnership board now?"
    plan = Plan(q, f"{q} {earlier}", [Side("Calder 2016", ["s"])], inherited=True, own_ask=q)
    terms = corpus.question_terms(plan.lexical_text)
    assert missing_terms(plan, corpus, terms) == []
    plan.own_ask = ""  # the whole search text read as asked: the earlier topic is missing
    assert missing_terms(plan, corpus, terms) == ["partnership"]


def test_when_is_told_by_the_closest_passage_s_year_of_what_is_asked():
    """ "When was the service renamed from YOS to YJS?": the closest passage tells the year it
    was renamed ("… renamed … in 2020"); a lower one a full date of something else that names
    the service ("The YJS management board … took over in April 2021"). The closest answers,
    and of its years, the one told with what is asked is bold (two tune questions were
    answered "April 2021")."""
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import QuestionPlanner

    renamed = (
        "Much has changed since our screening in 2018. The Youth Offending Service was renamed "
        "the Youth Justice Service in 2020 and reorganised into a single team."
    )
    rows = [
        ("Foreword", renamed),
        (
            "Governance",
            "The YJS management board is chaired by Ann Lee, who took over in May 2021.",
        ),
        *[("Staff", f"The YJS has {n} case managers.") for n in (10, 12, 14)],
    ]
    corpus = _one_report_corpus(rows, 2023)
    plan = QuestionPlanner().plan(
        "When did Pellmoor's service change its name from YOS to YJS?", None, None, corpus
    )
    hits = [
        hit_from_row(corpus, 0, score=0.9, dense=0.7, coverage=corpus.coverage({}, 0)),
        hit_from_row(corpus, 1, score=0.6, dense=0.6),
    ]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert [(c.hit.section, c.hit.ordinal) for c in draft.cited] == [("Foreword", 1)]
    assert draft.text.startswith("**2020** — “")


def test_what_a_speaker_said_is_told_only_by_a_passage_naming_them():
    """ "What did local magistrates say about the service?": a passage on the service that no
    magistrate speaks in is no answer; one naming them is."""
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import QuestionPlanner

    rows = [
        ("Courts", "The joint panel meets weekly and decisions are well recorded."),
        ("Courts", "Magistrates told us that reports to court were timely and useful."),
        *[("Staff", f"The YJS has {n} case managers.") for n in (10, 12, 14)],
    ]
    corpus = _one_report_corpus(rows, 2023)
    plan = QuestionPlanner().plan(
        "What did local magistrates say about the Pellmoor service?", None, None, corpus
    )
    assert plan.speaker == ["magistr"]
    hits = [hit_from_row(corpus, r, score=0.9 - r / 10, dense=0.6) for r in (0, 1)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert [(c.hit.section, c.hit.ordinal) for c in draft.cited] == [("Courts", 2)]
    draft = ExtractiveAnswerer().answer(plan, hits[:1], corpus)
    assert draft.abstained is True and draft.cited == []
    assert draft.text == (
        f"{NOT_ANSWERED} No paragraph found tells what the question's speaker said."
    )


def test_who_is_answered_by_a_body_the_closest_passage_names():
    """ "Who pays for the therapy post?": the closest passage names the body that funds it; a
    passage far below that names some person is no answer (tune questions about who funds,
    delivers or partners were answered with a place or a manager's name)."""
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import QuestionPlanner

    funded = "The therapy post is funded by the Pellmoor Integrated Care Board since 2019."
    rows = [
        ("Partnerships", funded),
        ("Background", "The service is managed by Ann Lee, the Head of Service."),
        *[("Staff", f"The YJS has {n} case managers.") for n in (10, 12, 14)],
    ]
    corpus = _one_report_corpus(rows, 2023)
    plan = QuestionPlanner().plan("Who pays for the therapy post in Pellmoor?", None, None, corpus)
    assert (plan.wants, plan.role, plan.fact) == ("person", "", None)
    far = [
        hit_from_row(corpus, 0, score=0.7, dense=0.5),
        hit_from_row(corpus, 1, score=0.4, dense=0.5),
    ]
    draft = ExtractiveAnswerer().answer(plan, far, corpus)
    assert [(c.hit.section, c.quote) for c in draft.cited] == [("Partnerships", funded)]
    # a person's passage close to the best is taken: "who" asks for a person first
    near = [far[0], hit_from_row(corpus, 1, score=0.6, dense=0.5)]
    draft = ExtractiveAnswerer().answer(plan, near, corpus)
    assert [c.hit.section for c in draft.cited] == ["Background"]


def test_how_a_piece_of_work_is_going_is_answered_by_a_verdict_nearly_as_close():
    """ "How are we doing on out-of-court work?": of the best few, a passage whose first
    sentence gives a verdict ("… is a real strength") leads one that tells a fact ("We
    inspected 11 cases …") when it is nearly as close (tune summaries quoted the sample's size
    or a panel's meeting day)."""
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import QuestionPlanner

    fact = "We inspected 11 cases where children had received an out-of-court disposal."
    verdict = "Out-of-court disposal work is a real strength of the service."
    rows = [
        ("Out-of-court disposals", fact),
        ("Foreword", verdict),
        *[("Staff", f"The YJS has {n} case managers.") for n in (10, 12, 14)],
    ]
    corpus = _one_report_corpus(rows, 2023)
    plan = QuestionPlanner().plan(
        "How are we doing on out-of-court work in Pellmoor?", None, None, corpus
    )

    def quoted(verdict_score: float) -> str:
        hits = [
            hit_from_row(corpus, 0, score=0.75, dense=0.6),
            hit_from_row(corpus, 1, score=verdict_score, dense=0.6),
        ]
        return ExtractiveAnswerer().answer(plan, hits, corpus).cited[0].quote

    assert quoted(0.7) == verdict
    assert quoted(0.5) == fact  # too far below the best


def test_a_count_per_head_of_a_population_is_a_rate():
    """ "pellmoor 2024 first-time entrants rate": a key facts row "First-time entrants per
    100,000 children aged 10 to 17 | 142" gives the rate (it had abstained: "gives no entrants
    rate")."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    row = "First-time entrants per 100,000 children aged 10 to 17 | 142"
    corpus = _pellmoor([("Key facts", row, "table_row", [])])
    question = "pellmoor 2021 first-time entrants rate"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.quantity, plan.intent = True, Intent("topic", 0.05, 0.23)
    hits = [hit_from_row(corpus, 0, score=0.57, dense=0.5, coverage=0.8)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert draft.text == f"**142** — “{row}” [1]"
    assert [(c.hit.section, c.hit.ordinal) for c in draft.cited] == [("Key facts", 1)]


def test_a_verb_of_judging_is_no_topic_a_report_without_grades_lacks(sample_assistant):
    """ "Was work to keep children safe rated good in the 2015 screening?": "rated" asks for a
    judgement, which an ungraded letter gives in words (it had abstained: "does not cover what
    the question asks about"); "rating", the noun, is a topic such a letter does not cover."""
    corpus = sample_assistant.loader.load()

    def missing(question):
        plan = sample_assistant.planner.plan(question, None, None, corpus)
        return missing_terms(plan, corpus, corpus.question_terms(plan.lexical_text))

    assert missing("Was Thurrock's work to protect the public rated good?") == []
    assert missing("What rating did Thurrock get for work to protect the public?") == ["rating"]


def test_a_paragraph_whose_sentences_print_no_word_asked_is_quoted_where_it_answers(embedder):
    """ "headcount of Pellmoor's youth offending service back in 2015?": no sentence prints a
    word of the question, and the paragraph's first two (where the service sits, its bases)
    were quoted; the sentence closest in meaning, by the bundled model, counts the staff. The
    service's name picked the report and is left out of the comparison (every sentence is
    about the service). Without a model, the first two, as before."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    said = [
        "Pellmoor Youth Offending Service (the YOS) sits within the Children and Learning "
        "directorate of Pellmoor Borough Council.",
        "It works from two bases, Ferris House in the town centre and a smaller office at the "
        "Lowmoor Community Hub, and is organised into a court and custody team and a community "
        "team.",
        "On the first day of our fieldwork the YOS was working with 126 children, 81 of whom "
        "were subject to court orders.",
        "At the time of the screening the YOS employed 31 staff, including staff seconded from "
        "the police and the probation service.",
    ]
    corpus = _pellmoor([("Introduction", " ".join(said), "prose", [])], year=2015)
    question = "headcount of Pellmoor's youth offending service back in 2015?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.intent = Intent("topic", 0.3, 0.8)
    hits = [hit_from_row(corpus, 0, score=0.58, dense=0.5, coverage=0.5)]
    draft = ExtractiveAnswerer(embedder=embedder).answer(plan, hits, corpus)
    assert draft.cited[0].quote == f"{said[2]} {said[3]}"
    assert ExtractiveAnswerer().answer(plan, hits, corpus).cited[0].quote == f"{said[0]} {said[1]}"


@pytest.mark.parametrize("first", ["court", "out-of-court"])
def test_a_count_of_one_kind_of_case_is_told_by_a_passage_about_that_kind(first):
    """ "How many out-of-court cases …?": of the best few, the passage counting out-of-court
    disposals answers, ahead of a closer one counting court disposals (lexicon CASE_KINDS)."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    court = "We inspected 20 cases where the child had received a court disposal."
    diverted = (
        "We inspected 14 out-of-court disposals: 9 youth cautions and 5 community resolutions."
    )
    corpus = _one_report_corpus(
        [("Court disposals", court), ("Out-of-court disposals", diverted)], 2024
    )
    question = "How many out-of-court cases did the inspectors look at in Pellmoor?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"], quantity=True)
    plan.intent = Intent("topic", 0.9, 0.9)
    order = [0, 1] if first == "court" else [1, 0]
    hits = [
        hit_from_row(corpus, row, score=1.0 - 0.1 * i, dense=0.8 - 0.1 * i, coverage=0.5)
        for i, row in enumerate(order)
    ]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert [c.hit.section for c in draft.cited] == ["Out-of-court disposals"]
    assert draft.text == f"**14** — “{diverted}” [1]"


def test_a_name_asked_for_is_quoted_from_the_sentence_that_prints_it():
    """ "Which inspector was in charge …?" shares no word with its paragraph's sentences: of
    the tied windows, the one printing a person's name is quoted, not the paragraph's opening."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    closing = (
        "We found that the service was staffed by committed practitioners who knew the "
        "children they supervised well, and that its partners valued the service highly. "
        "Managers were visible and staff told us that they felt supported in their work. "
        "There is a good basis on which to build, but the service now needs to focus on the "
        "quality of its work to manage risk of harm and on planning for release. The "
        "inspection was led by Joanna Carrick, HM Inspector of Probation, supported by a "
        "health inspector from the Care Quality Commission. If you have any questions about "
        "this letter, please write to us in the first instance."
    )
    corpus = _one_report_corpus([("Closing", closing)], 2017)
    question = "Which inspector was in charge of the 2017 Pellmoor visit?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"], wants="person")
    plan.intent = Intent("topic", 0.9, 0.9)
    hits = [hit_from_row(corpus, 0, score=1.0, dense=0.8, coverage=0.5)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    said = (
        "The inspection was led by Joanna Carrick, HM Inspector of Probation, supported by a "
        "health inspector from the Care Quality Commission."
    )
    assert len(closing) > MAX_QUOTE  # a window of its sentences is quoted
    assert draft.text == f"**Joanna Carrick** — “{said}” [1]"


def test_a_count_is_not_answered_by_a_telephone_number():
    """ "How many staff …?": an email signature's "Tel: … | Mobile: …" line (a table row to the
    parser) prints no amount, so it answers no count, and the reports do not answer."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    corpus = _one_report_corpus([("Signature", "Tel: 0161 496 0371 | Mobile: 07700 900482")], 2017)
    question = "How many staff did Pellmoor YOS employ in 2017?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"], quantity=True)
    plan.intent = Intent("topic", 0.9, 0.9)
    hits = [hit_from_row(corpus, 0, score=1.0, dense=0.6, coverage=0.5)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert draft.cited == []
    assert draft.abstention is not None


def test_a_rate_is_told_in_a_sentence_naming_it():
    """ "Is our first-time entrant rate under the national one?": a paragraph giving the
    reoffending rate in one sentence and naming first-time entrants, with no figure, in the
    next gives no entrant rate; the key facts row that prints it answers."""
    from retrieval.corpus import build_corpus
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    said = (
        "The reoffending rate in Pellmoor, at 35.2 per cent, is higher than the England and "
        "Wales rate. The rate of first-time entrants has fallen each year since 2019 but "
        "remains above the national rate."
    )
    row = "First-time entrants per 100,000 children aged 10 to 17 | 183 | 148"
    corpus = build_corpus(
        [{"report_id": "p", "area": "Pellmoor", "year": 2024, "inspection_type": "unknown"}],
        {
            "ids": ["p0", "p1"],
            "texts": [said, row],
            "metadatas": [
                {"report_id": "p", "section": "Introduction", "ordinal": 1, "kind": "prose"},
                {"report_id": "p", "section": "Key facts", "ordinal": 1, "kind": "table_row"},
            ],
        },
    )
    question = "Is our first-time entrant rate under the national one?"
    plan = Plan(
        question,
        question,
        [Side("Pellmoor", ["p"])],
        areas=["Pellmoor"],
        quantity=True,
        yes_no=True,
    )
    plan.intent = Intent("topic", 0.9, 0.9)
    hits = [
        hit_from_row(corpus, 0, score=1.0, dense=0.8, coverage=0.6),
        hit_from_row(corpus, 1, score=0.5, dense=0.6, coverage=0.6),
    ]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert [c.hit.section for c in draft.cited] == ["Key facts"]
    assert draft.text == f"**183** — “{row}” [1]"


@pytest.mark.parametrize("recorded", [True, False])
def test_an_overall_grade_asked_of_a_report_recording_none_is_not_given(recorded):
    """ "What overall grade did the 2019 screening give us?": a report records its overall
    grade wherever it prints one (`RECORDED_WHEN_TOLD`); asked surely of a report with no such
    record (a letter, which grades nothing), the answer says it does not give one, rather than
    quoting some other grade."""
    from retrieval.corpus import build_corpus
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    text = "Case management was good in most of the cases we read, and planning was sound."
    records = [{"kind": "fact", "subject": "overall_rating", "value": "Good"}] if recorded else []
    corpus = build_corpus(
        [{"report_id": "p", "area": "Pellmoor", "year": 2019, "inspection_type": "unknown"}],
        {
            "ids": ["p0"],
            "texts": [text],
            "metadatas": [
                {
                    "report_id": "p",
                    "section": "Summary",
                    "ordinal": 1,
                    "kind": "prose",
                    "records": records,
                }
            ],
        },
    )
    question = "What overall grade did Pellmoor get in 2019?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"], rating=True)
    plan.fact = "overall_rating"
    plan.intent = Intent("fact:overall_rating", 0.8, 0.9)
    hits = [hit_from_row(corpus, 0, score=1.0, dense=0.8, coverage=0.5)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    if recorded:
        assert draft.abstention is None
    else:
        assert draft.abstention.detail == "Pellmoor 2019 does not give an overall rating."


@pytest.mark.parametrize("recorded", [True, False])
@pytest.mark.parametrize(
    ("fact", "question", "value", "missing"),
    [
        (
            "children_supervised",
            "How many children was Ullacombe YOS supervising in 2016?",
            "96",
            "how many children the service supervised",
        ),
        (
            "lead_inspector",
            "Who was the lead inspector for Ullacombe in 2016?",
            "Ann Lee",
            "who led the inspection",
        ),
    ],
)
def test_a_fact_asked_of_a_report_recording_none_is_not_given(
    recorded, fact, question, value, missing
):
    """ "How many children was the YOS supervising in 2016?", "Who was the lead inspector?": a
    report that prints the number of children it supervised, or who led it, records it
    (`RECORDED_WHEN_TOLD`); of a letter with no such record the answer says so, rather than
    bolding the count of a custody sample or the name of a chief inspector who signed."""
    from retrieval.corpus import build_corpus
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    text = "Planning for release started early in 2 of the 4 custody cases, Ann Lee told us."
    records = [{"kind": "fact", "subject": fact, "value": value}] if recorded else []
    corpus = build_corpus(
        [{"report_id": "w", "area": "Ullacombe", "year": 2016, "inspection_type": "unknown"}],
        {
            "ids": ["w0"],
            "texts": [text],
            "metadatas": [
                {
                    "report_id": "w",
                    "section": "Custody",
                    "ordinal": 1,
                    "kind": "prose",
                    "records": records,
                }
            ],
        },
    )
    plan = Plan(question, question, [Side("Ullacombe", ["w"])], areas=["Ullacombe"])
    plan.fact = fact
    plan.intent = Intent(f"fact:{fact}", 0.8, 0.9)
    hits = [hit_from_row(corpus, 0, score=1.0, dense=0.8, coverage=0.5)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    if recorded:
        assert draft.abstention is None
    else:
        assert draft.abstention.detail == f"Ullacombe 2016 does not give {missing}."


def test_a_count_of_a_kind_of_case_no_passage_prints_is_not_answered():
    """ "How many children were remanded …?": the best passages count children in custody and
    court disposals, none remanded (lexicon CASE_KINDS), so no count answers it; how often a
    panel sits instead of court is no count of a kind of case, and is answered."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    rows = [
        ("Resettlement", "Four children were released from custody during the year."),
        ("Court disposals", "We inspected 20 cases where the child had received a court disposal."),
        ("Out-of-court disposals", "The joint decision panel meets every Wednesday."),
    ]
    corpus = _one_report_corpus(rows, 2023)

    def ask(question: str):
        plan = Plan(
            question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"], quantity=True
        )
        plan.intent = Intent("topic", 0.9, 0.9)
        hits = [
            hit_from_row(corpus, i, score=1.0 - 0.1 * i, dense=0.8, coverage=0.5)
            for i in range(len(rows))
        ]
        return ExtractiveAnswerer().answer(plan, hits, corpus)

    remanded = ask("How many Pellmoor children were remanded to custody in 2023?")
    assert remanded.abstention is not None and remanded.cited == []
    # the children's sex is counted apart or not at all (fresh57, tune59: the girls were
    # answered with every child supervised)
    girls = ask("How many of the Pellmoor children in court cases were girls?")
    assert girls.abstention is not None and girls.cited == []
    often = ask("How often does the Pellmoor panel sit instead of court?")
    assert [c.hit.section for c in often.cited] == ["Out-of-court disposals"]


def test_the_headline_on_a_topic_leads_with_the_foreword_s_verdict_on_it():
    """ "Give me the headlines on our out-of-court work": the foreword's sentence on it (a
    verdict part, lexicon VERDICT_HEADINGS) leads the closest passage; without the ask for a
    headline the closest passage answers alone."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    body = "We inspected 14 out-of-court disposals: 9 youth cautions and 5 community resolutions."
    foreword = (
        "Work with children subject to court disposals is more mixed. Out-of-court disposal "
        "work is a real strength. The scheme gives children a swift response."
    )
    corpus = _one_report_corpus([("Out-of-court disposals", body), ("Foreword", foreword)], 2024)

    def ask(question: str):
        plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
        plan.intent = Intent("topic", 0.9, 0.9)
        hits = [
            hit_from_row(corpus, 0, score=1.0, dense=0.8, coverage=0.8),
            hit_from_row(corpus, 1, score=0.7, dense=0.6, coverage=0.5),
        ]
        return ExtractiveAnswerer().answer(plan, hits, corpus)

    headline = ask("Give me the headlines on Pellmoor's out-of-court disposal work.")
    assert [c.hit.section for c in headline.cited] == ["Foreword", "Out-of-court disposals"]
    plain = ask("What did inspectors find about Pellmoor's out-of-court disposal work?")
    assert [c.hit.section for c in plain.cited] == ["Out-of-court disposals"]


@pytest.mark.parametrize("dated", [False, True])
def test_when_is_not_answered_by_a_passage_printing_no_date(dated):
    """ "When is the inspectorate due back in Pellmoor?": where none of the best passages prints
    a date (fresh60: an email's disclaimer, close in words, was quoted), the answer is that the
    reports do not say; a passage that prints one answers."""
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    rows = [
        (
            "Closing",
            "The inspectorate will be pleased to discuss these findings when it is back in "
            "touch with the service.",
        ),
        ("Contact", "Please tell the sender if this email reached you in error, then delete it."),
    ]
    if dated:
        rows.append(("Next steps", "The inspectorate will be back in Pellmoor in March 2026."))
    corpus = _one_report_corpus(rows, 2021)
    question = "When is the inspectorate due back in Pellmoor?"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"])
    plan.intent, plan.wants = Intent("topic", 0.9, 0.5), "date"
    hits = [
        hit_from_row(corpus, r, score=1.0 - r / 10, dense=0.8, coverage=0.9)
        for r in range(len(rows))
    ]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    if dated:
        assert draft.abstained is False
        assert [c.hit.section for c in draft.cited] == ["Next steps"]
        assert "**March 2026**" in draft.text
    else:
        assert draft.abstained is True
        assert draft.cited == []


@pytest.mark.parametrize("sure", [0.45, 0.25])
def test_a_fact_another_report_of_the_area_records_is_not_given_by_this_one(sure):
    """ "What score out of 36 did we get in the screening?" (tune61, tune62): read as asking
    the overall grade less surely than UNTOLD_FACT_SURE, but the area's later inspection
    records one: the letter does not give it, the inspection does (it had quoted the letter's
    sentence on how its findings are set out). Read less surely still, the question is left to
    the evidence."""
    from retrieval.corpus import build_corpus
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    rows = [
        ("p15", "Our findings are set out below under the four headings we use.", []),
        (
            "p21",
            "Overall, Pellmoor YJS was rated as 'Good', with a score of 21 out of 36.",
            [{"kind": "fact", "subject": "overall_rating", "value": "Good"}],
        ),
    ]
    corpus = build_corpus(
        [
            {"report_id": "p15", "area": "Pellmoor", "year": 2015, "inspection_type": "sqs"},
            {"report_id": "p21", "area": "Pellmoor", "year": 2021, "inspection_type": "unknown"},
        ],
        {
            "ids": ["r0", "r1"],
            "texts": [t for _, t, _ in rows],
            "metadatas": [
                {
                    "report_id": r,
                    "section": "Summary",
                    "ordinal": 1,
                    "kind": "prose",
                    "records": rec,
                }
                for r, _, rec in rows
            ],
        },
    )
    question = "What score out of 36 did Pellmoor get in the 2015 screening?"
    plan = Plan(question, question, [Side("Pellmoor", ["p15"])], areas=["Pellmoor"])
    plan.fact = "overall_rating"
    plan.intent = Intent("fact:overall_rating", sure, 0.7)
    hits = [hit_from_row(corpus, 0, score=1.0, dense=0.8, coverage=0.5)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    if sure > 0.3:
        assert draft.abstention.detail == (
            f"{corpus.label('p15')} does not give an overall rating; {corpus.label('p21')} does."
        )
    else:
        assert draft.abstention is None


def test_a_figure_set_beside_the_nation_s_is_quoted_with_the_service_s_own_first():
    """ "First-time entrant rate vs national" (tune62: a Word table whose merged label cell
    repeats on each row): the search finds the nation's row; the service's own row of the same
    measure leads it, its figure in bold (only the nation's 148 had been given)."""
    from retrieval.corpus import build_corpus
    from retrieval.hybrid import hit_from_row
    from retrieval.intents import Intent
    from retrieval.plan import Plan, Side

    label = "First-time entrants per 100,000 children aged 10 to 17, 2022"
    rows = [
        "Children supervised in the 12 months to 30 June 2023 | 164",
        f"{label} | Pellmoor | 187",
        f"{label} | England and Wales | 148",
    ]
    corpus = build_corpus(
        [{"report_id": "p", "area": "Pellmoor", "year": 2023, "inspection_type": "unknown"}],
        {
            "ids": [f"p{i}" for i in range(len(rows))],
            "texts": rows,
            "metadatas": [
                {"report_id": "p", "section": "Key facts", "ordinal": i + 1, "kind": "table_row"}
                for i in range(len(rows))
            ],
        },
    )
    question = "Pellmoor 2023 first time entrant rate vs national"
    plan = Plan(question, question, [Side("Pellmoor", ["p"])], areas=["Pellmoor"], quantity=True)
    plan.intent = Intent("topic", 0.6, 0.6)
    hits = [hit_from_row(corpus, 2, score=1.0, dense=0.8, coverage=0.8)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    assert [c.quote for c in draft.cited] == rows[1:]
    assert draft.text.startswith(f"**187** — “{rows[1]}” [1]")


@pytest.mark.parametrize("verb", ["averaging", "averaged", "an average of"])
def test_an_average_told_with_the_word_in_any_form_answers_it(verb):
    """tune68: "How many children does each of our case managers carry on average now?" was
    refused beside "Caseloads are manageable, averaging 11 children per case manager": the
    average was looked for as the word "average", which "averaging" does not hold."""
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import QuestionPlanner

    text = (
        f"Staff are well supported. Caseloads are manageable, {verb} 11 children per case manager."
    )
    corpus = _one_report_corpus([("Staff", text)], 2020)
    question = "How many children does each of our Pellmoor case managers carry on average now?"
    plan = QuestionPlanner().plan(question, None, None, corpus)
    hits = [hit_from_row(corpus, 0, score=0.7, dense=0.7, coverage=0.6)]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    quote = f"Caseloads are manageable, {verb} 11 children per case manager."
    assert (draft.abstained, [c.quote for c in draft.cited]) == (False, [quote])
    assert draft.text.startswith("**11**")


@pytest.mark.parametrize("national_close", [True, False])
def test_a_figure_set_against_a_national_one_no_close_passage_gives_is_not_answered(
    national_close,
):
    """ "How does our CAMHS wait compare with the national average?": among the closest
    passages (NATION_HITS) none names the nation's figure, so the report gives none to set
    beside the service's 18 weeks; a national reoffending rate further down is no figure for a
    waiting time. Where a close passage gives one, the question is answered."""
    from retrieval.corpus import build_corpus
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import Plan, Side

    wait = "Children waited an average of 18 weeks for a first CAMHS appointment."
    national = (
        "The average wait in England and Wales was 12 weeks."
        if national_close
        else "Children's mental health was assessed in every case."
    )
    texts = [
        wait,
        national,
        "Case managers chased CAMHS referrals every month.",
        "The reoffending rate was 38.4%, against an England and Wales average of 35.9%.",
    ]
    corpus = build_corpus(
        [{"report_id": "u", "area": "Ullacombe", "year": 2021, "inspection_type": "unknown"}],
        {
            "ids": [f"u{i}" for i in range(4)],
            "texts": texts,
            "metadatas": [
                {"report_id": "u", "section": "Health", "ordinal": i + 1, "kind": "prose"}
                for i in range(4)
            ],
        },
    )
    question = "How does our CAMHS wait compare with the national average?"
    plan = Plan(question, question, [Side("Ullacombe", ["u"])], areas=["Ullacombe"])
    hits = [
        hit_from_row(corpus, i, score=1.0 - i / 10, dense=0.8 - i / 10, coverage=0.5)
        for i in range(4)
    ]
    draft = ExtractiveAnswerer().answer(plan, hits, corpus)
    if national_close:
        assert draft.abstention is None
    else:
        assert draft.abstention.detail == (
            "Ullacombe 2021 gives no national figure to set beside the service's."
        )


@pytest.mark.parametrize("national_caseload", [True, False])
def test_a_national_figure_is_given_only_by_a_passage_naming_the_measure_asked(
    national_caseload,
):
    """ "What is the England and Wales average caseload per case manager?" (tune76, tune77):
    among the closest passages one names the nation, but for the reoffending rate ("compared
    with an average of 37.8% for England and Wales" shares the question's words "average",
    "England" and "Wales", not "caseload"), so the report gives no national caseload and the
    area's own 11 is no answer. A close passage giving the national caseload answers."""
    texts = [
        "Case managers had an average caseload of 11 children, which they found manageable.",
        "The reoffending rate was 41.2%, compared with an average of 37.8% for England and Wales.",
        "The average caseload in England and Wales was nine children."
        if national_caseload
        else "Case managers valued their monthly supervision.",
    ]
    draft = _answer_of_one_report(
        texts,
        ["Staff"] * 3,
        "What is the England and Wales average caseload per case manager?",
        quantity=True,
    )
    if national_caseload:
        assert draft.abstention is None
    else:
        assert draft.abstention.detail == (
            "Ullacombe 2021 gives no national figure to set beside the service's."
        )


@pytest.mark.parametrize("part_rate", [True, False])
def test_a_rate_asked_of_a_part_of_the_children_is_given_only_for_that_part(part_rate):
    """ "What is the reoffending rate for children given out-of-court disposals?" (tune75,
    tune77, fresh71, fresh73, fresh76): the report gives the service's rate for all its
    children and writes "out-of-court disposals" in a heading and elsewhere, but no close
    passage gives that part's rate, so the service's 38.4% is no answer. A close passage giving
    the part's rate answers."""
    texts = [
        "The reoffending rate for Ullacombe was 38.4%, against 35.9% for England and Wales.",
        "Children given out-of-court disposals reoffended at a rate of 21%."
        if part_rate
        else "Out-of-court disposals were decided at a weekly joint panel.",
        "Case managers knew the children well.",
    ]
    draft = _answer_of_one_report(
        texts,
        ["Summary", "Out-of-court disposals", "Staff"],
        "What is the reoffending rate for children given out-of-court disposals?",
        quantity=True,
    )
    if part_rate:
        assert draft.abstention is None
        assert [c.hit.row for c in draft.cited][:1] == [1]
    else:
        assert draft.abstention.detail == (
            "Ullacombe 2021 gives no reoffending rate for out-of-court disposals."
        )


def test_an_average_told_in_other_words_shares_more_than_a_framing_word():
    """ "Compare the average caseload in 2016 and 2021" (tune78): "The reoffending rate was
    41.2%, compared with an average of 37.6% for England and Wales" shares only the framing
    "compare" with the question, so it names no caseload; "case managers held an average of 11
    cases each" names it in other words."""
    from retrieval.answer import names_measure
    from retrieval.hybrid import hit_from_row

    texts = [
        "The reoffending rate was 41.2%, compared with an average of 37.6% for England and Wales.",
        "Case managers held an average of 11 cases each.",
    ]
    corpus = _ullacombe_corpus(texts, ["Summary", "Summary"], year=2016)
    asked = corpus.question_terms("Compare the average caseload of case managers in 2016 and 2021")
    told = [
        names_measure(["caseload", "average"], hit_from_row(corpus, i, score=1.0), corpus, asked)
        for i in range(2)
    ]
    assert told == [False, True]


def _ullacombe_corpus(texts: list[str], sections: list[str], year: int = 2021):
    """One report of Ullacombe holding one prose paragraph per text, each under its section."""
    from retrieval.corpus import build_corpus

    return build_corpus(
        [{"report_id": "u", "area": "Ullacombe", "year": year, "inspection_type": "unknown"}],
        {
            "ids": [f"u{i}" for i in range(len(texts))],
            "texts": texts,
            "metadatas": [
                {"report_id": "u", "section": section, "ordinal": i + 1, "kind": "prose"}
                for i, section in enumerate(sections)
            ],
        },
    )


def _answer_of_one_report(
    texts: list[str], sections: list[str], question: str, quantity: bool = False
):
    """The extractive answer to `question` over `_ullacombe_corpus` (2021), its paragraphs
    found in that order (scores falling)."""
    from retrieval.hybrid import hit_from_row
    from retrieval.plan import Plan, Side

    corpus = _ullacombe_corpus(texts, sections)
    plan = Plan(
        question, question, [Side("Ullacombe", ["u"])], areas=["Ullacombe"], quantity=quantity
    )
    hits = [
        hit_from_row(corpus, i, score=1.0 - i / 10, dense=0.8 - i / 10, coverage=0.5)
        for i in range(len(texts))
    ]
    return ExtractiveAnswerer().answer(plan, hits, corpus)
