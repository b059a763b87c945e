"""retrieval/plan.py: `QuestionPlanner.plan` on the stored sample reports (five samples plus
Thurrock): which reports each side is about, follow-ups, filters, and questions it abstains on.
Also the acronyms the corpus learns from the reports, which the planner relies on."""

from __future__ import annotations

import pytest

from findings.records import Abstention
from findings.vocab import AbstainReason
from retrieval.corpus import learn_acronyms
from retrieval.intents import IntentClassifier
from retrieval.plan import QuestionPlanner, Side, _another_measure, role_asked, topic_asked
from retrieval.text import words

pytest_plugins = ["retrieval_fixtures"]

ALL = [
    "kestrel_vale_fji_2013",
    "kestrel_vale_sqs_2016",
    "marshbury_sqs_2014",
    "marshbury_sqs_2016",
    "northfield_yos_2019",
    "thurrock_sqs_2015",
]


@pytest.fixture
def plan(sample_corpus):
    planner = QuestionPlanner()

    def run(question, history=None, filters=None):
        return planner.plan(question, history, filters, sample_corpus)

    return run


class TestWhichReports:
    @pytest.mark.parametrize(
        "question",
        [
            "latest Marshbury",
            "What did the latest Marshbury inspection say about planning?",
            "Who led the Marshbury inspection team this time round?",
            "Has Marshbury's enforcement policy been updated recently?",
            # "need improvement" names a grade or a list, no change between reports
            "Which standards need improvement in the latest Marshbury report?",
        ],
    )
    def test_latest_picks_the_newest_inspection(self, plan, question):
        p = plan(question)
        assert p.sides == [Side("Marshbury", ["marshbury_sqs_2016"])]
        assert (p.abstain, p.comparison, p.areas) == (None, False, ["Marshbury"])

    @pytest.mark.parametrize(
        "question",
        [
            "What was found about planning when we were last inspected?",
            "Which standards needed work last time we were inspected?",
        ],
    )
    def test_last_inspected_picks_the_newest_inspection(self, plan, question):
        """ "when we were last inspected" is the newest inspection, however rare a word of the
        question that only an older report prints."""
        p = plan(question, filters={"area": "Marshbury"})
        assert [s.report_ids for s in p.sides] == [["marshbury_sqs_2016"]]
        assert p.abstain is None

    def test_an_everyday_word_in_capitals_is_no_unknown_acronym(self, plan):
        """ "OK" is a word, not an acronym no report prints (lexicon EVERYDAY_CAPITALS)."""
        p = plan("Was the Marshbury office OK for meeting children?")
        assert p.abstain is None and p.areas == ["Marshbury"]

    def test_for_the_first_time_picks_no_report(self, plan):
        """ "entering the system for the first time" is an occasion, not the oldest report."""
        p = plan("Are more Marshbury kids entering the system for the first time than nationally?")
        assert p.sides == [Side("Marshbury", ["marshbury_sqs_2014", "marshbury_sqs_2016"])]
        p = plan("What did the first Marshbury inspection find?")
        assert p.sides == [Side("Marshbury", ["marshbury_sqs_2014"])]

    def test_before_a_year_picks_the_earlier_inspection(self, plan):
        p = plan(
            "Before the 2016 inspection, what had inspectors said about planning in Marshbury?"
        )
        assert p.sides == [Side("Marshbury", ["marshbury_sqs_2014"])]
        assert p.abstain is None and p.comparison is False

    def test_year_picks_that_inspection(self, plan):
        p = plan("What did the 2014 Marshbury screening say about MAPPA?")
        assert p.sides == [Side("Marshbury", ["marshbury_sqs_2014"])]

    def test_area_alone_keeps_all_its_reports(self, plan):
        p = plan("What did inspectors say about planning in Kestrel Vale?")
        assert p.sides == [Side("Kestrel Vale", ["kestrel_vale_fji_2013", "kestrel_vale_sqs_2016"])]
        assert p.areas == ["Kestrel Vale"]

    def test_no_area_searches_every_report(self, plan):
        p = plan("What did inspectors say about planning?")
        assert p.sides == [Side("all reports", ALL)]
        assert p.report_ids == ALL and p.areas == []

    def test_two_areas_are_compared_side_by_side(self, plan):
        p = plan("Compare MAPPA findings in Marshbury 2014 and Northfield")
        assert p.sides == [
            Side("Marshbury", ["marshbury_sqs_2014"]),
            Side("Northfield", ["northfield_yos_2019"]),
        ]
        assert p.comparison is True
        assert p.areas == ["Marshbury", "Northfield"]
        assert p.report_ids == ["marshbury_sqs_2014", "northfield_yos_2019"]

    def test_change_over_time_compares_each_inspection(self, plan):
        p = plan("Did planning improve in Marshbury between its two inspections?")
        assert p.sides == [
            Side("Marshbury SQS 2014", ["marshbury_sqs_2014"]),
            Side("Marshbury SQS 2016", ["marshbury_sqs_2016"]),
        ]
        assert p.comparison is True

    def test_a_list_heading_naming_improvement_is_no_change_over_time(self, plan):
        """ "Areas for improvement" names a list; "improve" in the question still asks how
        things changed."""
        p = plan("List the areas for improvement from the Marshbury inspection.")
        assert p.sides == [Side("Marshbury", ["marshbury_sqs_2014", "marshbury_sqs_2016"])]
        assert p.comparison is False and p.list_kind == "improvement"
        assert plan("Did Marshbury improve its planning?").comparison is True

    def test_a_year_named_picks_its_report_whatever_the_kind_word_says(self, plan):
        """ "screening" names the 2014 and 2016 screenings and a topic; the years pick."""
        p = plan("What did Kestrel Vale say about health screening in 2013 and 2016?")
        assert p.report_ids == ["kestrel_vale_fji_2013", "kestrel_vale_sqs_2016"]
        assert plan("What did the Kestrel Vale screening say?").report_ids == [
            "kestrel_vale_sqs_2016"
        ]

    def test_a_change_up_to_a_year_compares_that_years_report_with_the_one_before(self, plan):
        """ "…and had it improved by 2016?" is the 2016 letter, then the one before it; "since
        2014" the 2014 letter, then the one after; "by 2016" without a change is 2016's."""
        p = plan("What was found about MAPPA in Marshbury, and had it improved by 2016?")
        assert [s.report_ids for s in p.sides] == [["marshbury_sqs_2016"], ["marshbury_sqs_2014"]]
        assert p.comparison is True
        p = plan("Has planning in Marshbury improved since 2014?")
        assert [s.report_ids for s in p.sides] == [["marshbury_sqs_2014"], ["marshbury_sqs_2016"]]
        p = plan("What did Marshbury say about planning by 2016?")
        assert p.report_ids == ["marshbury_sqs_2016"] and p.comparison is False

    def test_lexical_text_drops_the_area_and_year_that_chose_the_reports(self, plan):
        p = plan("What did the 2014 Marshbury screening say about MAPPA?")
        assert p.search_text == "What did the 2014 Marshbury screening say about MAPPA?"
        assert "Marshbury" not in p.lexical_text and "2014" not in p.lexical_text
        assert "MAPPA" in p.lexical_text and "screening" in p.lexical_text

    def test_the_reports_compared_are_named_with_their_count(self, plan):
        """ "How do Marshbury's staff numbers compare between the two reports?": "two" counts
        the reports (it had matched "two bases" over "employed 31 staff")."""
        p = plan("How do Marshbury's staff numbers compare between the two reports?")
        assert p.comparison is True and len(p.report_ids) == 2
        assert p.lexical_text.split() == "How do staff numbers compare between the ?".split()


class TestAbstains:
    @pytest.mark.parametrize(
        "question",
        ["Marshbury in 2018", "What did inspectors say about planning in Marshbury in 2018?"],
    )
    def test_year_not_stored_names_the_area_and_its_stored_years(self, plan, question):
        p = plan(question)
        assert p.abstain == Abstention(
            AbstainReason.NO_REPORT_FOR_TIME,
            "No stored report covers Marshbury in 2018 (stored: 2014, 2016).",
        )

    def test_before_the_first_inspection(self, plan):
        p = plan("Before 2014, what had inspectors said about Marshbury?")
        assert p.abstain == Abstention(
            AbstainReason.NO_REPORT_FOR_TIME,
            "No stored report covers Marshbury before 2014 (stored: 2014, 2016).",
        )

    def test_place_not_stored(self, plan):
        assert plan("What did inspectors find in Brackenford?").abstain == Abstention(
            AbstainReason.NAME_NOT_PRINTED, "The stored reports do not mention 'Brackenford'."
        )

    def test_a_service_of_an_area_no_report_is_about(self, plan):
        """A service named by its area's name, when no stored report is about that area, even
        with the filter set to another (the user's own) area: a report that prints the place
        ("Police and Crime Commissioner for Essex") is no report about its service."""
        for filters in (None, {"area": "Thurrock"}):
            assert plan(
                "What rating did Essex youth justice service get?", None, filters
            ).abstain == (
                Abstention(AbstainReason.NAME_NOT_PRINTED, "No stored report is about Essex.")
            )
        assert plan("Marshbry YOS overall rating").abstain == Abstention(
            AbstainReason.NAME_NOT_PRINTED,
            "No stored report is about Marshbry. Did you mean Marshbury?",
        )
        for known in (
            "What rating did the Northfield Youth Offending Service get?",
            "Is Thurrock's YOS doing well on planning?",
            "How did the Local YOS Management Board work in Marshbury?",
        ):
            assert plan(known).abstain is None, known

    def test_a_service_a_report_inspects_beside_its_own_area_is_known(self):
        """A thematic of a sub-region (no report's area) inspects teams named after places
        ("Orwin YOT"): a question about such a team, or about the sub-region its title names, is
        about a report; a place it prints only as a neighbour ("the Brackenford police
        station") is not."""
        from retrieval.corpus import build_corpus

        texts = [
            "Orwin YOT had the weakest assessments of the four teams we inspected.",
            "Children from Wexcaster are taken to the Brackenford police station.",
        ]
        corpus = build_corpus(
            [
                {
                    "report_id": "w",
                    "area": None,
                    "title": "Education for children in the Wexcaster sub-region",
                    "year": 2021,
                    "inspection_type": "thematic",
                }
            ],
            {
                "ids": ["w0", "w1"],
                "texts": texts,
                "metadatas": [
                    {"report_id": "w", "section": "Findings", "ordinal": n + 1, "kind": "prose"}
                    for n in range(2)
                ],
            },
        )
        planner = QuestionPlanner()
        assert planner.plan("Who headed Orwin's YOT?", None, None, corpus).abstain is None
        # a place the report's title names: the report is about it
        assert planner.plan("How is the Wexcaster YOT doing?", None, None, corpus).abstain is None
        assert planner.plan("How did Brackenford YOT do?", None, None, corpus).abstain == (
            Abstention(AbstainReason.NAME_NOT_PRINTED, "No stored report is about Brackenford.")
        )

    def test_a_misspelt_area_is_not_guessed_but_suggested(self, plan):
        assert plan("What did inspectors find in Marshbry?").abstain == Abstention(
            AbstainReason.NAME_NOT_PRINTED,
            "The stored reports do not mention 'Marshbry'. Did you mean Marshbury?",
        )

    def test_a_misspelt_long_word_is_read_as_meant(self, plan):
        p = plan("What recomendations did the 2016 Marshbury letter make?")
        assert p.abstain is None
        assert p.question == "What recommendations did the 2016 Marshbury letter make?"

    def test_acronym_no_report_prints(self, plan):
        assert plan("What did inspectors say about ISS in Thurrock?").abstain == Abstention(
            AbstainReason.NAME_NOT_PRINTED, "The reports searched do not mention 'ISS'."
        )

    def test_acronym_of_words_printed_with_little_words_between_is_known(self, plan):
        # Kestrel Vale's letter prints "Police and Crime Commissioner", never "PCC"
        assert plan("Which PCC got a copy of the 2016 Kestrel Vale letter?").abstain is None
        assert plan("Did the 2016 Kestrel Vale letter go to the XCC?").abstain == Abstention(
            AbstainReason.NAME_NOT_PRINTED, "The reports searched do not mention 'XCC'."
        )

    def test_an_acronym_s_plural_is_the_acronym(self, plan):
        # "PSRs": the reports print "pre-sentence reports" (lexicon GLOSSARY), not "PSRs"
        assert plan("How many PSRs were good in Thurrock?").abstain is None
        assert plan("How many XQRs were good in Thurrock?").abstain == Abstention(
            AbstainReason.NAME_NOT_PRINTED, "The reports searched do not mention 'XQRs'."
        )

    def test_acronym_printed_only_as_its_expansion_is_known(self, plan):
        # Thurrock never prints "MAPPA", only "Multi-Agency Public Protection Arrangements"
        p = plan("What did inspectors say about MAPPA in Thurrock?")
        assert p.abstain is None
        assert p.sides == [Side("Thurrock", ["thurrock_sqs_2015"])]

    def test_filters_matching_nothing(self, plan):
        p = plan("What did inspectors say about planning?", filters={"area": "Brackenford"})
        assert p.abstain == Abstention(
            AbstainReason.NO_REPORT_MATCHES_FILTERS, "No stored report matches the filters."
        )
        assert p.sides == []


def test_a_change_between_two_years_is_of_the_areas_visited_in_both(plan):
    # Kestrel Vale was screened in 2016 too, but not in 2014: no change to tell there
    p = plan("How did planning change between the 2014 and 2016 visits?")
    assert p.comparison is True
    assert p.sides == [
        Side("Marshbury SQS 2014", ["marshbury_sqs_2014"]),
        Side("Marshbury SQS 2016", ["marshbury_sqs_2016"]),
    ]


class TestFollowUps:
    def test_follow_up_inherits_the_area_and_year(self, plan):
        p = plan(
            "And what did it say about MAPPA there?",
            history=["What was the reoffending rate in Kestrel Vale in 2016?"],
        )
        assert p.report_ids == ["kestrel_vale_sqs_2016"]
        assert p.inherited is True
        assert p.areas == ["Kestrel Vale"]
        assert p.abstain is None

    def test_next_inspection_after_the_one_discussed(self, plan):
        p = plan(
            "Had that improved by the next inspection?",
            history=["Tell me about MAPPA referrals in Marshbury in 2014."],
        )
        assert p.report_ids == ["marshbury_sqs_2016"]
        assert p.inherited is True

    def test_question_naming_its_own_area_ignores_history(self, plan):
        p = plan(
            "What did inspectors say about MAPPA in Northfield?",
            history=["What was the reoffending rate in Kestrel Vale in 2016?"],
        )
        assert p.sides == [Side("Northfield", ["northfield_yos_2019"])]
        assert p.inherited is False

    def test_a_pronoun_with_a_new_year_is_searched_with_the_earlier_question(self, plan):
        # what "it" is, the earlier question says
        p = plan(
            "Did it survive to the 2016 screening?",
            history=["Marshbury 2014: what group programme was the YOS running for children?"],
        )
        assert p.report_ids == ["marshbury_sqs_2016"]
        assert p.inherited is True
        assert "group programme" in p.search_text and "2014" not in p.search_text
        assert p.own_ask == "Did it survive to the 2016 screening?"

    def test_a_year_alone_asks_the_earlier_question_of_that_year(self, plan):
        p = plan("And in 2016?", history=["What was the reoffending rate in Kestrel Vale in 2013?"])
        assert p.report_ids == ["kestrel_vale_sqs_2016"]
        assert p.search_text == "And in 2016? What was the reoffending rate in Kestrel Vale in ?"
        assert "reoffending rate" in p.lexical_text and "2013" not in p.lexical_text

    def test_an_area_alone_asks_the_earlier_question_of_that_area(self, plan):
        p = plan(
            "What about Kestrel Vale in 2016?",
            history=["What did inspectors say about MAPPA in Northfield?"],
        )
        assert p.report_ids == ["kestrel_vale_sqs_2016"]
        assert "Northfield" not in p.search_text and "MAPPA" in p.search_text
        assert p.inherited is True

    @pytest.mark.parametrize(
        "question",
        [
            "And the 2016 one?",
            "And the 2016 inspection?",
            "And the 2016 screening?",  # the report's kind, which the year picks
            "and back in 2016?",  # a time before, which the year names
        ],
    )
    def test_words_pointing_back_are_not_a_question_of_their_own(self, plan, question):
        p = plan(question, history=["Who led the 2014 inspection in Marshbury?"])
        assert p.report_ids == ["marshbury_sqs_2016"]
        assert p.wants == "person"
        assert "Who led" in p.search_text and "2014" not in p.search_text

    @pytest.mark.parametrize("question", ["And two years later?", "And at the next visit?"])
    def test_a_step_in_time_asks_the_earlier_question_of_the_next_report(self, plan, question):
        p = plan(question, history=["How many cases did inspectors look at in Marshbury in 2014?"])
        assert p.report_ids == ["marshbury_sqs_2016"]
        assert p.quantity and p.inherited is True
        assert "cases" in p.lexical_text and "2014" not in p.lexical_text

    def test_the_figure_at_a_later_report_is_the_earlier_question_s_value(self, plan):
        """ "and what was the figure at the latest inspection?" after a count asked of the
        2014 letter: "the figure" is the value of what was asked before, so the earlier
        question is searched with it, of the newest report (it had been searched alone and
        quoted a staff count)."""
        earlier = "How many children in the 2014 Marshbury sample were out of education?"
        p = plan("and what was the figure at the latest inspection?", history=[earlier])
        assert p.report_ids == ["marshbury_sqs_2016"]
        assert p.inherited is True and p.own_ask == (
            "and what was the figure at the latest inspection?"
        )
        assert "out of education" in p.search_text

    def test_the_year_s_one_asks_the_earlier_question_of_that_report(self, plan):
        """ "And who led the 2016 one?": its own "led" is the earlier question's ask in other
        words; "the 2016 one" points back, so it is searched with the earlier question."""
        p = plan(
            "And who led the 2016 one?",
            history=["Who was the lead inspector in Marshbury in 2014?"],
        )
        assert p.report_ids == ["marshbury_sqs_2016"]
        assert p.inherited is True and p.own_ask == "And who led the 2016 one?"
        assert "lead inspector" in p.search_text and "2014" not in p.search_text

    def test_a_follow_up_with_words_of_its_own_is_not_elliptic(self, plan):
        p = plan(
            "What about custody in Kestrel Vale?",
            history=["What did inspectors say about MAPPA in Northfield?"],
        )
        assert p.search_text == "What about custody in Kestrel Vale?"

    def test_a_phrase_alone_asks_the_earlier_question_of_what_it_names(self, plan):
        p = plan(
            "And for court disposals?",
            history=["What rating did Northfield get for out-of-court disposal assessment?"],
        )
        assert p.search_text == "What rating did Northfield get for court disposals assessment?"
        assert p.rating is True and p.report_ids == ["northfield_yos_2019"]
        # the pointer "ones" stands for the thing asked about; a new describing word takes the
        # place of the old one
        q = plan(
            "And the out-of-court ones?",
            history=["How well were Northfield's court cases assessed?"],
        )
        assert q.search_text == "How well were Northfield's out-of-court cases assessed?"
        r = plan(
            "And for the custody cases?",
            history=[
                "What did inspectors say about resettlement for the community cases in Marshbury?"
            ],
        )
        assert r.search_text == (
            "What did inspectors say about resettlement for the custody cases in Marshbury?"
        )
        # the count asked again, of what the phrase names (a tune follow-up was searched as
        # "and how many out-of-court ones?" alone)
        n = plan(
            "and how many out-of-court ones?",
            history=["How many court cases did inspectors look at in Northfield?"],
        )
        assert n.search_text == "How many out-of-court cases did inspectors look at in Northfield?"

    @pytest.mark.parametrize(
        "question", ["And what about planning there?", "And who's chairing it now?"]
    )
    def test_a_new_topic_or_a_question_of_its_own_is_no_phrase_for_another(
        self, sample_corpus, question
    ):
        from retrieval.plan import substituted

        earlier = "Who chaired the Kestrel Vale management board at the 2016 screening?"
        assert substituted(question, earlier, sample_corpus) is None

    def test_it_as_the_subject_points_back(self, plan):
        earlier = "Where did children do reparation in Marshbury in 2014?"
        p = plan("Is it still going?", history=[earlier])
        assert p.search_text == f"Is it still going? {earlier}"
        assert p.own_ask == "Is it still going?"  # what the answer must print, of its own
        # whether it goes on: the newest report leads, beside the one asked about
        assert [side.report_ids for side in p.sides] == [
            ["marshbury_sqs_2016"],
            ["marshbury_sqs_2014"],
        ]

    def test_history_without_an_area_is_not_inherited(self, plan):
        p = plan("What about MAPPA?", history=["What did inspectors say about planning?"])
        assert p.report_ids == ALL
        assert p.inherited is False


class TestFilters:
    def test_area_filter(self, plan):
        p = plan("What did inspectors say about planning?", filters={"area": "kestrel vale"})
        assert p.report_ids == ["kestrel_vale_fji_2013", "kestrel_vale_sqs_2016"]

    def test_year_filter(self, plan):
        p = plan(
            "What did inspectors say about planning?", filters={"year_from": 2016, "year_to": 2016}
        )
        assert p.report_ids == ["kestrel_vale_sqs_2016", "marshbury_sqs_2016"]

    def test_report_ids_filter(self, plan):
        p = plan("What did inspectors say?", filters={"report_ids": ["northfield_yos_2019"]})
        assert p.report_ids == ["northfield_yos_2019"]

    def test_filter_narrows_a_named_area(self, plan):
        p = plan("What did the Marshbury inspection find?", filters={"year_to": 2015})
        assert p.sides == [Side("Marshbury", ["marshbury_sqs_2014"])]


class TestKindOfAnswer:
    def test_list_question(self, plan):
        p = plan("What were the key strengths in Thurrock?")
        assert p.list_sections == ("key strengths", "strengths")
        assert p.sides == [Side("Thurrock", ["thurrock_sqs_2015"])]

    def test_areas_for_improvement_list(self, plan):
        p = plan("What were the areas requiring improvement in Northfield?")
        assert p.list_sections == (
            "areas requiring improvement",
            "areas for improvement",
            "areas needing improvement",
        )

    def test_number_question(self, plan):
        p = plan("How many staff did the Thurrock YOS employ?")
        assert (p.quantity, p.yes_no, p.list_sections) == (True, False, ())

    @pytest.mark.parametrize(
        ("question", "quantity"),
        [
            ("What is Northfield's reoffending rate?", True),
            ("What was the rate of reoffending in Thurrock?", True),
            ("How did inspectors rate planning in Northfield?", False),  # a grade
        ],
    )
    def test_a_rate_is_a_number_but_rating_is_not(self, plan, question, quantity):
        assert plan(question).quantity is quantity

    def test_yes_no_question(self, plan):
        p = plan("Was enforcement action taken promptly in Thurrock?")
        assert (p.quantity, p.yes_no) == (False, True)

    @pytest.mark.parametrize(
        "question",
        [
            "Can you summarise what inspectors found in Thurrock?",
            "Could you please list the recommendations for Thurrock?",
            "Please list the recommendations for Thurrock.",
        ],
    )
    def test_a_request_put_as_a_question_wants_no_yes_or_no(self, plan, question):
        p = plan(question)
        assert p.yes_no is False
        assert p.question.split()[0] in ("summarise", "list")

    def test_a_question_opening_with_can_is_still_closed(self, plan):
        assert plan("Can children get CAMHS help quickly in Thurrock?").yes_no is True
        assert plan("Can you?").question == "Can you?"  # nothing asked after the request

    def test_a_name_only_a_later_report_prints_picks_it_for_a_year_it_tells_of(self, plan):
        """No area named; 2016's reports never print "Janet Okoro"; the 2019 Northfield
        report does, so it is asked what it tells of 2016 (the passage must print 2016)."""
        p = plan("What did Janet Okoro change in 2016?")
        assert p.report_ids == ["northfield_yos_2019"]
        assert "2016" in p.identifiers

    def test_when_something_changed_asks_for_a_date_not_two_reports(self, plan):
        p = plan("When did Marshbury change its case management system?")
        assert p.comparison is False
        assert p.report_ids == ["marshbury_sqs_2014", "marshbury_sqs_2016"]
        assert plan("How did Marshbury change its planning?").comparison is True

    def test_during_a_year_with_no_report_is_a_time_in_the_text(self, plan):
        p = plan("How many Marshbury children finished their orders during 2015?")
        assert p.abstain is None
        assert p.report_ids == ["marshbury_sqs_2014", "marshbury_sqs_2016"]

    def test_since_when_asks_for_a_date_not_a_change(self, plan):
        p = plan("Since when had Marshbury been without its CAMHS worker?")
        assert (p.wants, p.comparison) == ("date", False)
        assert plan("Has planning in Marshbury improved since 2014?").comparison is True

    def test_when_and_who_questions(self, plan):
        assert plan("When was the Thurrock inspection conducted?").wants == "date"
        assert plan("Who was the lead inspector in Thurrock?").wants == "person"
        assert plan("What did inspectors say about planning in Thurrock?").wants is None


@pytest.fixture(scope="module")
def intent_planner(embedder, tmp_path_factory):
    """A planner that reads intents with the real model (its exemplar fit cached once)."""
    return QuestionPlanner(IntentClassifier(embedder, tmp_path_factory.mktemp("intents")))


class Reads:
    """An intent classifier that reads every question one way (label, probability,
    similarity): the planner's thresholds on a reading, without the model."""

    def __init__(self, label: str, probability: float, similarity: float):
        from retrieval.intents import Intent

        self.intent = Intent(label, probability, similarity)

    def classify(self, question, vector=None, ruled_out=None):
        return self.intent


class TestGradeOfTheEarlierTopic:
    """ "What grade did it get?" reads as asking the overall rating; after a question about one
    subject the report heads its findings with, it asks that subject's grade."""

    def test_a_follow_up_asks_the_earlier_subjects_grade(self, sample_corpus, intent_planner):
        history = ["What did the Northfield inspection say about reviewing?"]
        p = intent_planner.plan("what grade did it get?", history, None, sample_corpus)
        assert (p.inherited, p.intent.fact, p.fact, p.rating) == (
            True,
            "overall_rating",
            None,
            True,
        )

    def test_a_phrase_after_a_grade_question_asks_its_grade(self, sample_corpus, intent_planner):
        """ "And what about reviewing?" after "What rating did Northfield get for planning?"
        asks the grade of reviewing, read with the question it follows (alone it had read as
        a list of recommendations)."""
        history = ["What rating did Northfield get for court disposal planning?"]
        p = intent_planner.plan("And what about reviewing?", history, None, sample_corpus)
        assert (p.inherited, p.intent.label, p.rating, p.own_ask) == (
            True,
            "rating",
            True,
            "And what about reviewing?",
        )
        assert p.search_text == f"And what about reviewing? {history[0]}"

    def test_alone_it_asks_the_overall_rating(self, sample_corpus, intent_planner):
        p = intent_planner.plan("What grade did Northfield get?", None, None, sample_corpus)
        assert p.fact == "overall_rating"


class TestPutRight:
    """Whether a finding of the report a question names was put right is told by the area's
    next report (lexicon PUT_RIGHT); "dealt with" and "addressed" tell of other things."""

    @pytest.mark.parametrize(
        "question",
        [
            "Had Marshbury fixed the weak intervention plans from 2014?",
            # as said aloud
            "has the marshbury intervention plans issue from 2014 been sorted?",
            "Did Marshbury get the 2014 intervention plans problem sorted out?",
        ],
    )
    def test_the_next_report_tells_whether_it_was_fixed(self, plan, question):
        assert plan(question).report_ids == ["marshbury_sqs_2016"]

    @pytest.mark.parametrize(
        "question",
        [
            "Were breaches dealt with properly in Marshbury in 2014?",
            "Who was the 2014 Marshbury letter addressed to?",
            # what the report asked to be put right, not whether it was
            "What did the 2014 Marshbury letter ask the service to put right?",
        ],
    )
    def test_other_words_keep_the_report_named(self, plan, question):
        assert plan(question).report_ids == ["marshbury_sqs_2014"]


class TestProgressIntent:
    """The progress on an earlier inspection's findings as a whole is read by meaning (label
    `progress`), kept only when the question names the findings together and asks whether they
    were remedied (lexicon FINDINGS_TOGETHER, REMEDIED); otherwise the question is read among
    the other intents."""

    @pytest.fixture
    def read(self, sample_corpus, intent_planner):
        return lambda q: intent_planner.plan(q, None, None, sample_corpus).intent.label

    @pytest.mark.parametrize(
        "question",
        [
            "Did Thurrock fix everything the 2015 letter flagged?",
            "Which of the Thurrock weaknesses had been sorted by the next inspection?",
            # each of them in turn
            "Had every improvement area from Thurrock's 2015 letter been sorted by the next one?",
        ],
    )
    def test_the_findings_together_asked_whether_remedied(self, read, question):
        assert read(question) == "progress"

    def test_a_list_or_one_subject_is_not_progress(self, read):
        # what the findings were: the list
        assert read("List the improvement areas in the Thurrock 2015 letter.") == "improvement"
        # one subject's change: the subject's own reading (here the recorded rate)
        rate = read("Has Thurrock's reoffending rate come down since 2015?")
        assert rate == "fact:reoffending_rate"


class TestUnsureCollectionReading:
    """A question read as about the stored reports themselves under
    COLLECTION_MIN_PROBABILITY is read among the other intents: "the latest inspection" is where
    it asks, not what."""

    def test_a_fact_asked_of_the_latest_report_is_the_fact(self, sample_corpus, intent_planner):
        p = intent_planner.plan(
            "What is our reoffending rate, going by the latest inspection?",
            None,
            {"area": "Thurrock"},
            sample_corpus,
        )
        assert (p.intent.label, p.fact, p.collection) == (
            "fact:reoffending_rate",
            "reoffending_rate",
            None,
        )

    def test_a_question_about_the_reports_held_stays_one(self, sample_corpus, intent_planner):
        p = intent_planner.plan(
            "Which is the newest inspection we hold?", None, None, sample_corpus
        )
        assert p.collection == "latest"

    def test_what_the_latest_report_says_is_no_question_about_the_reports_held(
        self, sample_corpus, intent_planner
    ):
        """Words beyond the reports' names ask what the latest says (fresh55, read: "Which
        Whinfield standards got Outstanding at the latest inspection?" was answered with the
        latest report's publication line)."""
        p = intent_planner.plan(
            "Which standards were rated Outstanding at the latest inspection?",
            None,
            {"area": "Thurrock"},
            sample_corpus,
        )
        assert p.collection is None


class TestFactIntent:
    """A fact read by meaning is kept only when the question asks for that kind of thing."""

    @pytest.fixture
    def read(self, sample_corpus, intent_planner):
        return lambda q: intent_planner.plan(q, None, None, sample_corpus)

    def test_a_person_fact_asked_for_a_person(self, read):
        p = read("Who was the lead inspector in Thurrock?")
        assert (p.intent.fact, p.fact) == ("lead_inspector", "lead_inspector")

    def test_a_letter_s_copies_are_its_copy_list_not_its_addressee(self, read):
        """ "Who received copies of the letter?" is read (by meaning) as whom it is addressed
        to; it asks for the officials on its copy list (lexicon COPY_LIST_WORDS): people, but
        no addressee."""
        p = read("Who received copies of the Thurrock letter?")
        assert (p.intent.fact, p.fact, p.wants) == ("addressee", None, "person")
        assert read("Who was the Thurrock letter addressed to?").fact == "addressee"
        # read as whom it is from, the same: the copy list, not the signatory
        p = read("Who was on the copy list for the Thurrock letter?")
        assert (p.fact, p.wants) == (None, "person")

    def test_a_post_below_the_recorded_one_is_not_that_fact(self, read, sample_corpus):
        """ "the deputy YOS manager" is read (by meaning) as the YOS manager: the manager's name
        answered who the deputy was. The fact is kept only where its record names the post
        below ("Helen Mercer, Assistant Chief Inspector" signed the Thurrock letter)."""
        from retrieval.plan import _another_post

        assert read("Who was the YOS manager in Thurrock?").fact == "service_manager"
        deputy = read("Who was the deputy YOS manager in Thurrock?")
        assert (deputy.intent.fact, deputy.fact) == ("service_manager", None)
        thurrock = ["thurrock_sqs_2015"]
        assert _another_post("deputy yos manager", "service_manager", thurrock, sample_corpus)
        assert not _another_post("assistant chief inspector", "signatory", thurrock, sample_corpus)
        assert not _another_post("yos manager", "service_manager", thurrock, sample_corpus)

    def test_a_post_named_by_a_noun_no_record_of_the_fact_prints_is_another(self, sample_corpus):
        """ "the lead member for children" is no lead inspector, though "lead" pulls it there
        (a tune question named the lead inspector as the council's lead member): the post's own
        noun, printed in the reports ("member"), is in no record of the fact. A noun no report
        prints is the asker's word ("boss"); "HMI" is the inspector's title."""
        from retrieval.plan import _another_post

        thurrock = ["thurrock_sqs_2015"]
        assert _another_post("lead member", "lead_inspector", thurrock, sample_corpus)
        assert not _another_post("lead inspector", "lead_inspector", thurrock, sample_corpus)
        assert not _another_post("lead hmi", "lead_inspector", thurrock, sample_corpus)
        assert not _another_post("boss", "service_manager", thurrock, sample_corpus)

    def test_a_count_question_is_not_asking_for_a_person(self, read):
        from findings.records import FACT_KINDS

        p = read("How many staff did the Thurrock YOS employ?")
        assert p.quantity
        # whatever the nearest label, "how many" wants a number (which count: the answerer)
        assert p.fact is None or FACT_KINDS[p.fact] == "number"

    @pytest.mark.parametrize(
        "question",
        [
            "Roughly how big is the Thurrock team these days?",
            "What's the YOS headcount in Thurrock?",
        ],
    )
    def test_the_size_of_the_team_asks_for_the_staff_employed(self, read, question):
        """ "How big is the team?" asks how many staff the service employs (it was read as the
        children it supervised, or as nothing: a percentage was bolded)."""
        assert read(question).fact == "staff_employed"

    def test_the_report_named_by_kind_and_title_is_any_inspection(self, read, sample_corpus):
        """ "Who led the Kestrel Vale youth offending work full joint inspection?" asks what "Who
        led the inspection?" does: the kind and the title's words pick the report."""
        from retrieval.plan import _as_any_inspection

        assert (
            _as_any_inspection(
                "Who led the youth offending work full joint inspection in 2013?", sample_corpus
            )
            == "Who led the inspection in 2013?"
        )
        assert (
            _as_any_inspection("What did the screening say about the FJI?", sample_corpus)
            == "What did the inspection say about the inspection?"
        )
        topic = "What was found about speech and language screening?"
        assert _as_any_inspection(topic, sample_corpus) == topic  # a topic, not a report named
        assert (
            _as_any_inspection("Who led Marshbury's screening?", sample_corpus)
            == "Who led the inspection?"
        )
        p = read("Who led the Kestrel Vale youth offending work full joint inspection?")
        assert p.fact == "lead_inspector"

    def test_a_follow_up_with_an_ask_of_its_own_means_what_it_says(
        self, sample_corpus, intent_planner
    ):
        """ "Who led that inspection?" after a question about ratings asks for the lead
        inspector of the report discussed, not for its ratings."""
        p = intent_planner.plan(
            "Who led that inspection?",
            ["Which Northfield standards were rated Outstanding?"],
            None,
            sample_corpus,
        )
        assert (p.fact, p.rating, p.report_ids) == (
            "lead_inspector",
            False,
            ["northfield_yos_2019"],
        )

    def test_a_comparison_of_inspections_is_not_about_the_collection(self, read):
        p = read(
            "What is the latest on MAPPA in Marshbury, and how does it compare with the one before?"
        )
        assert p.collection is None and p.comparison is True

    def test_a_date_asked_of_an_areas_latest_report_is_a_fact_it_prints(self, read):
        """Read among all intents, "latest inspection" made this a collection question; asked
        for a date, of a named area, it cannot be one, so it is read among the others."""
        p = read("When was Marshbury's latest inspection published?")
        assert (p.collection, p.fact, p.report_ids) == (
            None,
            "publication_date",
            ["marshbury_sqs_2016"],
        )
        assert read("What is our most recent report?").collection == "latest"

    def test_an_unsure_fact_is_none(self, read):
        """The time words ("when inspectors came back in 2016") pull the question towards the
        lead inspector's exemplars, unsurely: no fact is read, the search finds the manager."""
        p = read("Who was Marshbury's YOS manager when inspectors came back in 2016?")
        assert p.intent.probability < 0.35
        assert (p.fact, p.wants) == (None, "person")

    def test_a_count_fact_asked_for_a_number(self, read):
        assert read("How many cases did inspectors look at in Thurrock?").fact == "cases_inspected"


class TestAcronyms:
    def test_corpus_learns_acronyms_the_reports_define(self, sample_corpus):
        assert sample_corpus.acronyms["mappa"] == "multi-agency public protection arrangements"
        learned = learn_acronyms(sample_corpus.texts)
        assert learned["mappa"] == "multi-agency public protection arrangements"
        assert learned["camhs"] == "child and adolescent mental health services"
        assert learned["yos"] == "youth offending service"
        # "the record of assessment (Asset)" is not a definition: the words are not capitalised
        assert "asset" not in learned

    def test_learn_acronyms_skips_connecting_words_and_leading_words(self):
        assert learn_acronyms(
            [
                "Young people on Intensive Supervision and Surveillance (ISS) were seen daily.",
                "Marshbury Youth Offending Service (YOS) staff",
                "a Referral Order (RO) panel and a Referral Order (RO) again",
            ]
        ) == {
            "iss": "intensive supervision and surveillance",
            "yos": "youth offending service",
            "ro": "referral order",
        }

    def test_nothing_learned_from_plain_brackets(self):
        assert learn_acronyms(["in some cases (3 of 16)", "plans (ASAP)", "(YOS)"]) == {}


def calder_corpus(rows: list[tuple[str, str, str]], year: int, kind: str):
    """One report of Calder as plain data: its (section, kind, text) rows, numbered in order."""
    from retrieval.corpus import build_corpus

    return build_corpus(
        [{"report_id": "c", "area": "Calder", "year": year, "inspection_type": kind}],
        {
            "ids": [f"c{i}" for i in range(len(rows))],
            "texts": [t for _, _, t in rows],
            "metadatas": [
                {"report_id": "c", "section": h, "paragraph": None, "ordinal": i, "kind": k}
                for i, (h, k, _) in enumerate(rows, start=1)
            ],
        },
    )


class TestListHeadingsInOtherWords:
    """A report whose lists are headed in its own words ("Where things went well") answers a
    list question from those items, read by meaning, not by a fixed heading name."""

    @pytest.fixture
    def corpus(self):

        rows = [
            ("Where things went well", "bullet", "Staff knew the children well."),
            ("Where things went well", "bullet", "Victims were contacted quickly."),
            ("Where improvement is needed", "bullet", "Plans were not reviewed."),
            ("Where improvement is needed", "bullet", "Assessments were late."),
            ("Planning", "numbered", "Plans were sufficient in 9 of 12 cases."),
            ("Planning", "numbered", "Plans rarely named the risks to victims."),
        ]
        return calder_corpus(rows, 2023, "unknown")

    @pytest.fixture
    def read(self, corpus, intent_planner):
        return lambda q: intent_planner.plan(q, None, None, corpus)

    def test_the_strengths_list_includes_the_report_s_own_heading(self, read):
        p = read("What went well in Calder?")
        assert p.list_kind == "strength"
        assert p.list_sections == ("key strengths", "strengths", "where things went well")

    def test_the_improvements_list(self, read):
        p = read("What needs fixing in Calder?")
        assert p.list_kind == "improvement"
        assert p.list_sections[-1] == "where improvement is needed"
        assert "planning" not in p.list_sections  # numbered findings, not a list heading

    def test_the_answer_lists_those_items(self, read, corpus):
        from retrieval.answer import ExtractiveAnswerer
        from retrieval.hybrid import hit_from_row

        searched = [hit_from_row(corpus, 4)]  # what search found: a numbered finding
        draft = ExtractiveAnswerer().answer(read("What went well in Calder?"), searched, corpus)
        assert draft.text == (
            "Calder 2023 lists 2 where things went well:\n"
            "- “Staff knew the children well.” [1]\n"
            "- “Victims were contacted quickly.” [2]"
        )


class TestReportNamedBySubject:
    """ "The remand thematic": of several reports of the kind named, the one whose title
    carries the words in front of it (acronyms read in full)."""

    def corpus(self):
        from retrieval.corpus import build_corpus

        titles = {
            "wexcaster_thematic_2021": "Education, training and employment (ETE) for children",
            "pellworth_thematic_2023": "Children on remand: a thematic inspection",
            "tarnwick_thematic_2024": "Speaking and being heard: speech, language and communication",
        }
        reports = [
            {"report_id": rid, "title": t, "year": int(rid[-4:]), "inspection_type": "thematic"}
            for rid, t in titles.items()
        ]
        rows = {
            "ids": list(titles),
            "texts": [f"Findings of the {t}." for t in titles.values()],
            "metadatas": [
                {"report_id": rid, "section": "Summary", "ordinal": 1, "kind": "prose"}
                for rid in titles
            ],
        }
        return build_corpus(reports, rows)

    @pytest.mark.parametrize(
        ("question", "targets"),
        [
            ("What did the remand thematic find about police cells?", ["pellworth_thematic_2023"]),
            ("Who led the ETE thematic?", ["wexcaster_thematic_2021"]),
            ("Who wrote the foreword to the education thematic?", ["wexcaster_thematic_2021"]),
            (
                "How many children did the speech and language thematic interview?",
                ["tarnwick_thematic_2024"],
            ),
            (
                "What did the thematic say about girls?",
                ["wexcaster_thematic_2021", "pellworth_thematic_2023", "tarnwick_thematic_2024"],
            ),
            (
                "What did the children's thematic say?",  # every title names children
                ["wexcaster_thematic_2021", "pellworth_thematic_2023", "tarnwick_thematic_2024"],
            ),
        ],
    )
    def test_the_thematic_its_subject_names(self, question, targets):
        plan = QuestionPlanner().plan(question, None, None, self.corpus())
        assert sorted(plan.report_ids) == sorted(targets)


class TestFormOverWeakListIntent:
    """A question whose form asks for a person or a date, or what was said on a topic, is a
    list question only when the intent is sure (LIST_FORM_SURE)."""

    def test_a_weak_list_intent_gives_way_to_the_form(self, monkeypatch):
        from retrieval.intents import Intent
        from retrieval.plan import LIST_FORM_SURE

        corpus = TestReportNamedBySubject().corpus()

        class Weak:
            def __init__(self, probability):
                self.probability = probability

            def classify(self, question, vector=None, ruled_out=None):
                return Intent("improvement", self.probability, 0.5)

        for question, sure, kind in [
            ("And who did she replace?", LIST_FORM_SURE - 0.1, None),
            ("What did the remand thematic say about health?", LIST_FORM_SURE - 0.1, None),
            ("What did the remand thematic say about health?", LIST_FORM_SURE + 0.1, "improvement"),
            ("What must the remand thematic's services improve?", 0.35, "improvement"),
        ]:
            plan = QuestionPlanner(intents=Weak(sure)).plan(question, None, None, corpus)
            assert plan.list_kind == kind, question

    def test_a_weak_list_intent_gives_way_to_a_count_of_something_else(self):
        """ "How many volunteers help out on the panels?" counts volunteers, not recommendations,
        unless the intent is sure; a count of a list's items stays a list question."""
        from retrieval.plan import LIST_FORM_SURE

        corpus = TestReportNamedBySubject().corpus()
        for question, sure, kind in [
            ("How many volunteers help out on the referral order panels?", 0.35, None),
            (
                "How many volunteers help out on the referral order panels?",
                LIST_FORM_SURE + 0.1,
                "recommendation",
            ),
            ("How many recommendations did the remand thematic make?", 0.35, "recommendation"),
            ("How many recommendations were there?", 0.35, "recommendation"),
        ]:
            planner = QuestionPlanner(intents=Reads("recommendation", sure, 0.5))
            assert planner.plan(question, None, None, corpus).list_kind == kind, (question, sure)

    def test_a_list_intent_phrased_like_no_list_question_is_none(self):
        """Sure or not, a list read from a question far from every exemplar of that list is
        the regression's pick among labels, not an ask."""
        from retrieval.plan import KIND_MIN_SIMILARITY

        corpus = TestReportNamedBySubject().corpus()

        def far(similarity):
            return Reads("improvement", 0.9, similarity)

        question = "What went wrong when the remand thematic's services changed their systems?"
        for similarity, kind in [
            (KIND_MIN_SIMILARITY - 0.05, None),
            (KIND_MIN_SIMILARITY + 0.05, "improvement"),
        ]:
            plan = QuestionPlanner(intents=far(similarity)).plan(question, None, None, corpus)
            assert plan.list_kind == kind, similarity
        # a list heading the question names is a list whatever the reading
        named = QuestionPlanner(intents=far(0.1)).plan(
            "What were the remand thematic's areas for improvement?", None, None, corpus
        )
        assert named.list_kind == "improvement"


def test_a_topic_question_with_a_list_like_ask_is_no_list(sample_corpus, intent_planner):
    p = intent_planner.plan(
        "What went wrong when Marshbury switched to its new case recording system?",
        None,
        None,
        sample_corpus,
    )
    assert p.intent.similarity < 0.4
    assert (p.list_kind, p.list_sections) == (None, ())


class TestYearOnlyFollowUp:
    def test_the_area_asked_about_carries_to_a_question_naming_only_a_year(self):
        from retrieval.corpus import build_corpus

        reports = [
            {
                "report_id": f"{a.lower()}_sqs_{y}",
                "area": a,
                "year": y,
                "inspection_type": "short quality screening",
            }
            for a in ("Haverleigh", "Ellisford")
            for y in (2017, 2022)
        ]
        rows = {
            "ids": [r["report_id"] for r in reports],
            "texts": ["Children waited weeks for CAMHS."] * len(reports),
            "metadatas": [
                {"report_id": r["report_id"], "section": "Health", "ordinal": 1, "kind": "prose"}
                for r in reports
            ],
        }
        corpus = build_corpus(reports, rows)
        history = ["What did the 2017 Haverleigh letter say about CAMHS?"]
        planner = QuestionPlanner()
        plan = planner.plan("What was the position by the 2022 inspection?", history, None, corpus)
        assert plan.report_ids == ["haverleigh_sqs_2022"]
        plan = planner.plan(
            "How long did children wait then, and by the 2022 inspection?", history, None, corpus
        )
        assert [s.report_ids for s in plan.sides] == [
            ["haverleigh_sqs_2017"],
            ["haverleigh_sqs_2022"],
        ]


@pytest.mark.parametrize(
    "question",
    [
        "What were Marshbury YOS's strengths in 2014?",  # was read as "yo", printed nowhere
        "What were the Kestrel Vale YOS’s strengths in 2016?",
    ],
)
def test_a_possessive_acronym_is_its_acronym(plan, question):
    p = plan(question)
    assert p.abstain is None
    assert len(p.report_ids) == 1


@pytest.mark.parametrize(
    "question",
    [
        "As a magistrate I'm curious what Marshbury's 2014 letter said about MAPPA.",
        "We’ve heard MAPPA referrals were late: what did the Marshbury 2014 letter say?",
        "Isn't MAPPA in the Marshbury 2014 letter?",
    ],
)
def test_a_contraction_is_no_name(plan, question):
    """ "I'm" was read as a name no report prints, and the question abstained."""
    p = plan(question)
    assert p.abstain is None
    assert p.report_ids == ["marshbury_sqs_2014"]


def test_an_unknown_possessive_name_still_abstains(plan):
    p = plan("What did Zorblatt's report say about planning?")
    assert p.abstain is not None and "Zorblatt" in p.abstain.detail


def test_a_hyphenated_word_is_printed_when_its_parts_are(plan):
    """ "MAPPA-eligible" is printed nowhere as one word; "MAPPA" and "eligible" are."""
    p = plan("Did Kestrel Vale get every MAPPA-eligible young person referred in time in 2013?")
    assert p.abstain is None and p.report_ids == ["kestrel_vale_fji_2013"]
    p = plan("Were any XQZT-eligible children referred?")
    assert p.abstain.detail == "The reports searched do not mention 'XQZT-eligible'."


def test_currently_asks_for_the_newest_report(plan):
    assert plan("Does Marshbury currently have a CAMHS worker?").report_ids == [
        "marshbury_sqs_2016"
    ]


class TestNamesOnlyAFewReportsPrint:
    """A name no area list holds (a service inside a thematic, a person) picks the reports that
    print it; two such names in one report set side by side are a side each."""

    @pytest.fixture(scope="class")
    @classmethod
    def corpus(cls):
        from retrieval.corpus import build_corpus

        reports = [
            {"report_id": f"r{i}", "area": a, "year": 2020, "inspection_type": "unknown"}
            for i, a in enumerate(["Avonby", "Brill", "Crewe", "Dunmow", "Eyam", "Frome"])
        ]
        texts = (
            ["Planning was good."] * 4
            + ["Check the plans. Planning was good."]
            + [
                "In Greyhaven assessment was thorough in 2019-20, the year inspected. In "
                "Oakhollow few children were assessed."
            ]
        )
        rows = {
            "ids": [f"p{i}" for i in range(6)],
            "texts": texts,
            "metadatas": [
                {"report_id": f"r{i}", "section": "Findings", "ordinal": 1, "kind": "prose"}
                for i in range(6)
            ],
        }
        return build_corpus(reports, rows)

    def test_a_rare_name_picks_the_report_that_prints_it(self, corpus):
        plan = QuestionPlanner().plan("How was assessment done in Greyhaven?", None, None, corpus)
        assert plan.report_ids == ["r5"] and plan.comparison is False

    def test_two_names_of_one_report_compared_are_a_side_each(self, corpus):
        plan = QuestionPlanner().plan(
            "Was assessment better in Greyhaven or Oakhollow?", None, None, corpus
        )
        assert [(s.label, s.report_ids, s.focus) for s in plan.sides] == [
            ("Greyhaven", ["r5"], "greyhaven"),
            ("Oakhollow", ["r5"], "oakhollow"),
        ]
        assert plan.comparison is True

    def test_a_rare_name_narrows_the_reports_of_a_year(self, corpus):
        """A year chose every report of 2020; the name picks the one that prints it, and a
        financial year must be printed as the period asked about ("2020-21" is not)."""
        plan = QuestionPlanner().plan(
            "How was assessment done in Greyhaven in 2019-20?", None, None, corpus
        )
        assert plan.report_ids == ["r5"] and plan.identifiers == ["2019-20"]
        assert plan.abstain is None
        plan = QuestionPlanner().plan(
            "How was assessment done in Greyhaven in 2020/21?", None, None, corpus
        )
        assert plan.abstain.reason == AbstainReason.NAME_NOT_PRINTED
        assert plan.abstain.detail == "The reports searched do not mention '2020/21'."

    def test_an_area_named_with_names_only_a_thematic_prints_asks_the_thematic(self):
        """ "Across Greyhaven, Brill and Oakhollow…": Brill has its own report, but the names
        beside it are printed only by the thematic of the three, which is asked; Brill alone
        still asks Brill's report."""
        from retrieval.corpus import build_corpus

        reports = [
            {"report_id": f"r{i}", "area": a, "year": 2020 + i, "inspection_type": "unknown"}
            for i, a in enumerate(["Avonby", "Brill", "Crewe", "Dunmow", "Eyam"])
        ] + [{"report_id": "t", "area": None, "year": 2023, "inspection_type": "thematic"}]
        texts = (
            ["Planning was good in Avonby.", "Planning in Brill was weak."]
            + ["Planning was good."] * 3
            + ["Children remanded in Greyhaven, Brill and Oakhollow waited 40 days at most."]
        )
        ids = [r["report_id"] for r in reports]
        corpus = build_corpus(
            reports,
            {
                "ids": [f"p{i}" for i in range(6)],
                "texts": texts,
                "metadatas": [
                    {"report_id": rid, "section": "Findings", "ordinal": 1, "kind": "prose"}
                    for rid in ids
                ],
            },
        )
        planner = QuestionPlanner()
        plan = planner.plan(
            "Across Greyhaven, Brill and Oakhollow, what was the longest remand?",
            None,
            None,
            corpus,
        )
        assert plan.report_ids == ["t"]
        assert planner.plan("How was planning in Brill?", None, None, corpus).report_ids == ["r1"]

    def test_a_capitalised_first_word_of_a_sentence_names_nothing(self, corpus):
        plan = QuestionPlanner().plan(
            "Which reports found planning good? Check every report.", None, None, corpus
        )
        assert plan.report_ids == [f"r{i}" for i in range(6)]


def test_capitalised_words_keep_possessives_and_hyphens_and_know_sentence_starts():
    from retrieval.plan import capitalised as _capitalised

    assert _capitalised(
        "Did YOS/YOT staff in Kestrel Vale's MAPPA-eligible cases act? Check B12."
    ) == [
        ("Did", True),
        ("YOS", False),
        ("YOT", False),
        ("Kestrel", False),
        ("Vale's", False),
        ("MAPPA-eligible", False),
        ("Check", True),
    ]


class TestAYearNoReportIsDated:
    """A year no report of the area is dated may be a time a later report tells of ("training in
    autumn 2015", told in the 2016 letter): that report, and its passage must print the year;
    but not when the question names the inspection of that year, or when no paragraph of a later
    report prints the year with the question's words."""

    def test_a_later_report_telling_of_the_year_answers(self, plan):
        p = plan("Which Marshbury case managers completed MAPPA training with the police in 2015?")
        assert (p.abstain, p.report_ids, p.identifiers) == (None, ["marshbury_sqs_2016"], ["2015"])

    def test_a_year_printed_only_of_something_else_still_abstains(self, plan):
        p = plan("What was the Marshbury reoffending rate in 2015?")
        assert p.abstain == Abstention(
            AbstainReason.NO_REPORT_FOR_TIME,
            "No stored report covers Marshbury in 2015 (stored: 2014, 2016).",
        )

    def test_the_inspection_of_that_year_still_abstains(self, plan):
        p = plan("What did the 2015 Marshbury inspection say about MAPPA training?")
        assert p.abstain is not None
        assert p.abstain.reason == AbstainReason.NO_REPORT_FOR_TIME


def test_then_and_now_compares_that_years_report_with_the_newest(plan):
    p = plan("Who managed the Marshbury youth offending service in 2014, and who manages it now?")
    assert p.comparison is True
    assert [s.report_ids for s in p.sides] == [["marshbury_sqs_2014"], ["marshbury_sqs_2016"]]


def test_then_and_now_of_a_report_named_by_its_kind_compares_it_with_the_newest(plan):
    """Who held a post at the report named by its kind, and who holds it now (fresh58: only
    the newest was asked, "now" narrowing to it)."""
    p = plan(
        "Who was in charge of the Kestrel Vale service at the time of the joint inspection, "
        "and who is it now?"
    )
    assert p.comparison is True
    assert [s.report_ids for s in p.sides] == [["kestrel_vale_fji_2013"], ["kestrel_vale_sqs_2016"]]


def test_now_against_a_year_asked_within_an_area_filter_compares_with_the_newest(plan):
    """The area is the filter's, not the question's: "now" is still its newest report."""
    p = plan(
        "Is the team supervising more or fewer young people now than at the 2014 visit?",
        filters={"area": "Marshbury"},
    )
    assert p.comparison is True and p.quantity
    assert [s.report_ids for s in p.sides] == [["marshbury_sqs_2014"], ["marshbury_sqs_2016"]]


@pytest.mark.parametrize(
    "question",
    [
        "How often do kids in Marshbury go on to offend again?",
        "Is Marshbury's reoffending better or worse than nationally?",
        "How does Marshbury's reoffending rate compare with the national average?",
    ],
)
def test_offending_again_or_a_national_comparison_is_no_change_between_reports(plan, question):
    p = plan(question)
    assert p.comparison is False
    assert p.sides == [Side("Marshbury", ["marshbury_sqs_2014", "marshbury_sqs_2016"])]


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Northfield 2019 grade?", "overall_rating"),
        ("What rating did Northfield get?", "overall_rating"),
        ("How was planning rated in Northfield?", None),  # a standard named
        ("What were Northfield's ratings?", None),  # every standard's, a list
        ("What grade did Northfield's court work get?", None),  # a topic the headings name
        # words naming the grade or the report are no topic, whatever a heading says (a
        # heading "Overall ...", "... the YOS"): the overall grade is asked for
        ("Northfield YOS 2019 overall rating?", "overall_rating"),
    ],
)
def test_a_grade_asked_of_nothing_in_particular_is_the_overall_one(plan, question, fact):
    p = plan(question)
    assert p.rating and p.fact == fact


@pytest.mark.parametrize(
    ("question", "quantity"),
    [
        ("How big is the Marshbury team these days?", True),
        ("How many staff did Marshbury have in 2016?", True),
        ("What did Marshbury's big plan say in 2016?", False),
    ],
)
def test_a_size_asked_for_is_a_number(plan, question, quantity):
    assert bool(plan(question).quantity) is quantity


def test_whose_of_two_areas_asks_which_area_not_for_a_person(plan):
    p = plan("Whose planning was better in 2016: Marshbury's or Kestrel Vale's?")
    assert p.wants is None and p.comparison is True
    assert plan("Who led the 2016 Marshbury inspection?").wants == "person"


def test_better_than_last_time_is_still_a_change(plan):
    p = plan("Is Marshbury's reoffending better than last time?")
    assert p.comparison is True


@pytest.mark.parametrize("words", ["these days", "now", "at present"])
def test_the_present_asks_for_the_newest_report(plan, words):
    p = plan(f"Where does Marshbury do its reparation {words}?")
    assert p.report_ids == ["marshbury_sqs_2016"]


class TestAWordForGrading:
    """A question that uses a word for grading asks for a grade, whatever its meaning is near,
    of reports that have grades; a screening letter has none."""

    def test_a_grading_word_asks_for_the_grade_of_a_rated_report(
        self, sample_corpus, intent_planner
    ):
        p = intent_planner.plan(
            "How did inspectors grade Northfield's planning, and why?", None, None, sample_corpus
        )
        assert (p.intent.label, p.rating) == ("topic", True)

    def test_not_of_a_report_without_grades(self, sample_corpus, intent_planner):
        p = intent_planner.plan(
            "How did inspectors grade Marshbury's planning in 2014, and why?",
            None,
            None,
            sample_corpus,
        )
        assert p.rating is False

    def test_the_verb_rate_with_a_grade_named_asks_for_the_grade(
        self, sample_corpus, intent_planner
    ):
        """ "Did the inspection rate planning as Good?" (tune77): "rate" is no word for
        grading alone (a reoffending rate is a number), but with a grade named it asks for one."""
        p = intent_planner.plan(
            "Did the 2019 Northfield inspection rate planning as Good?", None, None, sample_corpus
        )
        assert (p.intent.label, p.rating) == ("topic", True)

    def test_a_reoffending_rate_is_no_grade(self, sample_corpus, intent_planner):
        p = intent_planner.plan(
            "What was Northfield's reoffending rate?", None, None, sample_corpus
        )
        assert p.rating is False


def test_the_overall_grade_read_unsurely_is_not_asked_for():
    """ "What grade did it get for its out-of-court work?" read as the overall grade at under
    OVERALL_MIN_PROBABILITY asks for a standard's grade: no overall-grade fact."""
    from retrieval.plan import FACT_MIN_PROBABILITY, OVERALL_MIN_PROBABILITY

    corpus = TestReportNamedBySubject().corpus()

    question = "What grade did the remand thematic give out-of-court work?"
    assert FACT_MIN_PROBABILITY < OVERALL_MIN_PROBABILITY
    for probability, fact in [
        (OVERALL_MIN_PROBABILITY - 0.05, None),
        (OVERALL_MIN_PROBABILITY + 0.05, "overall_rating"),
    ]:
        reads = Reads("fact:overall_rating", probability, 0.7)
        plan = QuestionPlanner(intents=reads).plan(question, None, None, corpus)
        assert plan.fact == fact, probability


class TestAFollowUpAboutNow:
    """After a question about one year's report, "now" asks of the area's newest report; with
    a change ("still") the two are set side by side; "there" points back to the place."""

    EARLIER = "What did the 2014 screening say about MAPPA referrals in Marshbury?"

    def test_still_a_problem_now_compares_that_year_with_the_newest(self, plan):
        """The newest report answers whether it goes on, or whether it improved: it leads, the
        earlier one follows."""
        p = plan("Is that still a problem there now?", [self.EARLIER])
        assert p.comparison is True
        assert [s.report_ids for s in p.sides] == [["marshbury_sqs_2016"], ["marshbury_sqs_2014"]]
        improved = plan("Has that improved there?", [self.EARLIER])
        assert [s.report_ids for s in improved.sides] == [
            ["marshbury_sqs_2016"],
            ["marshbury_sqs_2014"],
        ]

    def test_still_without_a_conversation_leads_with_the_newest(self, plan):
        p = plan("Are Marshbury's MAPPA referrals still late?")
        assert [s.report_ids for s in p.sides] == [["marshbury_sqs_2016"], ["marshbury_sqs_2014"]]

    def test_whether_it_got_better_leads_with_the_newest(self, plan):
        """REMEDIED: whether it got better is told by the later report, as whether it persists."""
        p = plan("Has Marshbury's planning got any better since the earlier screening?")
        assert [s.report_ids for s in p.sides] == [["marshbury_sqs_2016"], ["marshbury_sqs_2014"]]

    def test_the_position_now_is_the_newest_report_on_the_earlier_topic(self, plan):
        p = plan("What is the position there now?", [self.EARLIER])
        assert p.report_ids == ["marshbury_sqs_2016"]
        assert p.search_text == f"What is the position there now? {self.EARLIER}"


@pytest.mark.parametrize(
    ("question", "follows"),
    [
        ("What is the position there now?", True),  # the state of what was asked before
        ("And what about enforcement there?", False),  # a topic of its own
        ("Who chairs it?", True),  # "it", its object, is what was asked about before
        ("Who chairs the board?", False),
        # "the later one": a report of the area asked about, by its place in time
        ("And who led the later one?", True),
        ("Who led the first one?", True),
        ("Who led the one in charge of planning?", False),
    ],
)
def test_a_question_about_the_position_follows_up(sample_corpus, question, follows):
    from retrieval.plan import follows_up

    assert bool(follows_up(question, sample_corpus)) is follows


def test_a_collection_read_unsurely_is_about_what_the_reports_say():
    from retrieval.plan import COLLECTION_MIN_PROBABILITY

    corpus = TestReportNamedBySubject().corpus()

    question = "Which areas are in the remand thematic?"
    for probability, collection in [
        (COLLECTION_MIN_PROBABILITY - 0.05, None),
        (COLLECTION_MIN_PROBABILITY + 0.05, "all"),
    ]:
        reads = Reads("collection:all", probability, 0.7)
        plan = QuestionPlanner(intents=reads).plan(question, None, None, corpus)
        assert plan.collection == collection, probability
    # however surely read, a question asking more than the reports' names ("set up bail
    # hostels") asks what they say
    reads = Reads("collection:all", COLLECTION_MIN_PROBABILITY + 0.3, 0.7)
    plan = QuestionPlanner(intents=reads).plan(
        "In the remand thematic, which area had set up bail hostels?", None, None, corpus
    )
    assert plan.collection is None


@pytest.mark.parametrize(
    "question, collection",
    [
        ("Which specialists do partner agencies second into our team?", None),
        ("Which areas are covered?", "all"),
        ("What's the newest one?", "latest"),
        # a measure asked of the latest inspection is one a report prints (fresh50's tune miss:
        # "What's our reoffending rate now, according to the latest inspection?" was answered
        # with the newest report's date line); a count of reports is the collection's
        ("What's the reoffending rate now, according to the latest inspection?", None),
        ("How many inspections are stored?", "all"),
    ],
)
def test_a_question_asking_for_nothing_a_collection_holds_is_not_about_it(question, collection):
    """Read surely as about the stored collection, a question that asks for no report, area or
    the collection itself asks what the reports say."""
    from retrieval.plan import COLLECTION_MIN_PROBABILITY

    corpus = TestReportNamedBySubject().corpus()
    reads = Reads("collection:all", COLLECTION_MIN_PROBABILITY + 0.2, 0.7)
    plan = QuestionPlanner(intents=reads).plan(question, None, None, corpus)
    assert plan.collection == collection


def test_a_change_between_a_report_named_by_its_kind_and_another_sets_both_side_by_side(plan):
    """ "between the screening and the rated inspection": the kind names one report, the other
    report word the other; the kind alone names its report."""
    p = plan("What changed in Kestrel Vale between the screening and the rated inspection?")
    assert p.comparison is True
    assert [s.report_ids for s in p.sides] == [["kestrel_vale_fji_2013"], ["kestrel_vale_sqs_2016"]]
    alone = plan("What did the Kestrel Vale screening say about planning?")
    assert alone.report_ids == ["kestrel_vale_sqs_2016"]


def test_a_kind_named_for_one_area_of_a_comparison_is_not_the_others(plan):
    """ "…in Kestrel Vale in 2013 compare with Marshbury's 2014 screening": the screening is
    Marshbury's; Kestrel Vale's side is its 2013 inspection alone."""
    p = plan("How did planning in Kestrel Vale in 2013 compare with Marshbury's 2014 screening?")
    assert [s.report_ids for s in p.sides] == [["kestrel_vale_fji_2013"], ["marshbury_sqs_2014"]]


def test_a_follow_up_asking_about_a_change_sets_the_earlier_report_beside_the_newest(plan):
    """ "Is it still running?" after a question about 2014: the newest report (which answers)
    and the 2014 one, side by side (it was asked of 2014 alone); "afterwards" is the next
    inspection."""
    earlier = "What did the 2014 screening say about the reparation scheme in Marshbury?"
    p = plan("Is it still running?", [earlier])
    assert p.comparison is True
    assert [s.report_ids for s in p.sides] == [["marshbury_sqs_2016"], ["marshbury_sqs_2014"]]
    later = plan("And what happened to the scheme afterwards?", [earlier])
    assert later.report_ids == ["marshbury_sqs_2016"]
    # whether it got better is told by the newest too: it leads
    better = plan("Has that got better since?", [earlier])
    assert [s.report_ids for s in better.sides] == [["marshbury_sqs_2016"], ["marshbury_sqs_2014"]]


def test_a_question_about_an_area_s_figures_is_no_question_about_its_reports(sample_corpus):
    """Read by meaning as about the stored reports, a question that names an area or year asks
    about its reports only if it says so."""
    planner = QuestionPlanner(intents=Reads("collection:all", 0.9, 0.8))
    p = planner.plan(
        "How many first-time entrants did Marshbury have in 2014?", None, None, sample_corpus
    )
    assert p.collection is None
    assert p.report_ids == ["marshbury_sqs_2014"]
    asked = planner.plan("What reports do we hold for Marshbury?", None, None, sample_corpus)
    assert asked.collection == "all"
    assert planner.plan("What do we have?", None, None, sample_corpus).collection == "all"


@pytest.mark.parametrize(
    "question",
    [
        "Any mention of MAPPA in the Marshbury 2014 inspection?",
        "Does the 2016 Marshbury screening cover MAPPA?",
        "What did the 2014 Marshbury report say about MAPPA?",
    ],
)
def test_what_a_report_says_on_a_topic_is_no_question_about_the_reports(sample_corpus, question):
    """Read by meaning as about the stored reports ("any … in the … inspection"), a question
    asking what a report says on a topic is answered from the report, not by listing it."""
    planner = QuestionPlanner(intents=Reads("collection:all", 0.9, 0.8))
    p = planner.plan(question, None, None, sample_corpus)
    assert p.collection is None
    assert p.report_ids is not None and len(p.report_ids) == 1


class ReadsAgain(Reads):
    """Reads every question as about the collection; read among the other intents, as
    `again` (label, probability, similarity)."""

    def __init__(self, again: tuple[str, float, float]):
        from retrieval.intents import Intent

        super().__init__("collection:latest", 0.7, 0.9)
        self.again = Intent(*again)

    def classify(self, question, vector=None, ruled_out=None):
        return self.again if ruled_out == "collection:" else self.intent


def test_a_collection_reading_the_question_rules_out_is_read_again_when_phrased_so(
    sample_corpus,
):
    """Asked for a date, of a named area, a question is about no collection; read among the
    other intents, the reading is taken only when phrased like its exemplars."""
    from retrieval.plan import REREAD_MIN_SIMILARITY

    question = "When was Marshbury's latest inspection published?"
    for similarity, fact in [
        (REREAD_MIN_SIMILARITY + 0.02, "publication_date"),
        (REREAD_MIN_SIMILARITY - 0.02, None),
    ]:
        intents = ReadsAgain(("fact:publication_date", 0.6, similarity))
        p = QuestionPlanner(intents=intents).plan(question, None, None, sample_corpus)
        assert (p.collection, p.fact) == (None, fact), similarity
    # one that may ask about the collection is not read again
    p = QuestionPlanner(intents=ReadsAgain(("fact:publication_date", 0.6, 0.99))).plan(
        "What is our most recent report?", None, None, sample_corpus
    )
    assert (p.collection, p.fact) == ("latest", None)


def test_a_fact_is_read_only_from_a_question_phrased_like_its_exemplars(sample_corpus):
    """ "Who's in charge of the YJS board?" is near no exemplar of the service manager: read
    as that fact anyway, it favoured the manager's record over the board's chair."""
    from retrieval.plan import FACT_MIN_SIMILARITY

    question = "Who chairs Marshbury's management board?"
    for similarity, fact in [
        (FACT_MIN_SIMILARITY - 0.02, None),
        (FACT_MIN_SIMILARITY + 0.02, "service_manager"),
    ]:
        reads = Reads("fact:service_manager", 0.6, similarity)
        plan = QuestionPlanner(intents=reads).plan(question, None, None, sample_corpus)
        assert plan.fact == fact, similarity


def test_a_question_asking_where_reads_no_person_or_date_fact(sample_corpus):
    """ "Where was the YOT based?" is near the service manager's exemplars (the YOT's words),
    but asks for a place: the manager's record does not answer it."""
    planner = QuestionPlanner(intents=Reads("fact:service_manager", 0.6, 0.9))
    assert (
        planner.plan("Where was the Marshbury YOS based?", None, None, sample_corpus).fact is None
    )
    assert planner.plan("Who managed the Marshbury YOS?", None, None, sample_corpus).fact == (
        "service_manager"
    )


def test_a_grade_named_as_printed_asks_which_standards_got_it(sample_corpus):
    """ "Which standards got 'Requires improvement'?" is near the areas for improvement (its
    words), but names a grade as reports print it; "areas requiring improvement" names a
    list."""
    planner = QuestionPlanner(intents=Reads("improvement", 0.6, 0.7))
    graded = planner.plan(
        "Which Northfield standards got 'Requires improvement'?", None, None, sample_corpus
    )
    assert (graded.rating, graded.list_kind) == (True, None)
    listed = planner.plan("What did Northfield need to improve?", None, None, sample_corpus)
    assert (listed.rating, listed.list_kind) == (False, "improvement")


def test_marked_down_asks_for_a_grade(sample_corpus):
    planner = QuestionPlanner(intents=Reads("topic", 0.6, 0.7))
    asked = planner.plan("Did Northfield get marked down on planning?", None, None, sample_corpus)
    assert asked.rating is True
    plain = planner.plan("What did Northfield say about planning?", None, None, sample_corpus)
    assert plain.rating is False


class TestUnmentionedTopic:
    """A topic asked about that the targeted reports never mention abstains in the plan; a
    topic they print, or one close in meaning to what they print, does not."""

    @pytest.mark.parametrize(
        "question, topic",
        [
            ("What did the 2025 report say about knife crime in Brantholme?", "knife crime"),
            (
                "What did inspectors find about work with girls, and had it improved?",
                "work with girls",
            ),
            ("Tell me about Marshbury's use of electronic tags", "use of electronic tags"),
            ("What did the 2016 Marshbury screening say about MAPPA?", "mappa"),
            ("How many cases were inspected?", ""),
            # whether or how a report covers it (lexicon TOPIC_ASK)
            ("Does the 2016 Marshbury letter cover work with girls?", "work with girls"),
            (
                "Is there a parenting course for mums and dads in Marshbury?",
                "parenting course for mums and dads",
            ),
            ("How does Brantholme's service support young carers?", "young carers"),
            (
                "How does the YJS deal with children who need an interpreter?",
                "children who need an interpreter",
            ),
            ("anything on knife crime in the Marshbury 2016 letter?", "knife crime in the letter"),
            # "support" a noun: no topic asked after it
            ("How does bail support at court in Marshbury compare with Brantholme?", ""),
            # nor after a determiner ("any help" is a noun); "any mention of" names its topic
            ("Do children wait long before any help actually starts?", ""),
            ("Any mention of knives in the 2016 Marshbury letter?", "knives in the letter"),
            # a time told around the year ("back in 2015", "back then") picks the report
            (
                "Could young people in Marshbury get drug and alcohol help quickly back in 2015?",
                "quickly",
            ),
            ("Did Marshbury support young carers back then?", "young carers"),
        ],
    )
    def test_the_topic_is_the_clause_after_the_ask(self, sample_corpus, question, topic):
        assert topic_asked(question, sample_corpus.place_words | {"brantholme"}) == topic

    @pytest.mark.parametrize(
        "question",
        [
            "Kestrel Vale 2013 cases inspected custody split",
            "Kestrel Vale 2013 sample size split",
            "kestrel vale 2013 sample breakdown",
            "Marshbury 2014 sample size split",
            "marshbury 2016 case sample split",
        ],
    )
    def test_the_shape_of_the_answer_asked_for_is_no_topic(
        self, sample_corpus, intent_planner, question
    ):
        # "split", "breakdown": how the answer should be given, which no paragraph prints
        assert intent_planner.plan(question, None, None, sample_corpus).abstain is None

    @pytest.mark.parametrize(
        ("question", "fact"),
        [
            ("Kestrel Vale SQS 2016 letter date", "letter_date"),
            ("marshbury screening 2016 letter date", "letter_date"),
            ("Kestrel Vale SQS 2016 cases looked at", "cases_inspected"),
            # the service the report was of picks it, as the area does
            (
                "Who led the 2016 screening of Kestrel Vale's youth offending service?",
                "lead_inspector",
            ),
            ("Who led the inspection of youth offending work in Marshbury?", "lead_inspector"),
        ],
    )
    def test_the_report_s_name_and_service_are_no_part_of_the_fact_asked(
        self, sample_corpus, intent_planner, question, fact
    ):
        """A script's keywords name the report first, as the area and year: "SQS" read as
        "inspection" in front of the keywords ("inspection letter date") hid what they ask; the
        service a report was of ("… of youth offending work in Marshbury") was read as asked
        about (its manager, or a topic)."""
        assert intent_planner.plan(question, None, None, sample_corpus).intent.fact == fact

    def test_a_topic_no_targeted_report_prints_abstains_naming_it(
        self, sample_corpus, intent_planner
    ):
        p = intent_planner.plan(
            "What did the 2016 Kestrel Vale screening say about knife crime?",
            None,
            None,
            sample_corpus,
        )
        assert p.abstain is not None
        assert p.abstain.reason == AbstainReason.TOPIC_NOT_MENTIONED
        assert p.abstain.detail == (
            "Kestrel Vale SQS 2016 does not mention knife crime: no paragraph prints 'knife', "
            "and none is close to it in meaning."
        )

    @pytest.mark.parametrize(
        ("question", "detail"),
        [
            (
                "kestrel vale knife crime 2016",
                "Kestrel Vale SQS 2016 does not mention knife crime: no paragraph prints "
                "'knife', and none is close to it in meaning.",
            ),
            # words of how questions are asked, printed or not, are no topic
            ("kestrel vale 2016 number of cases inspected", None),
            ("kestrel vale 2016 lead inspector", None),
            # nor initials of words the report prints ("mappa": multi-agency public protection)
            ("kestrel vale 2016 mappa", None),
        ],
    )
    def test_a_script_s_keyword_no_targeted_report_prints_abstains(
        self, sample_corpus, intent_planner, question, detail
    ):
        """A script's terse keywords are the reports' own words ("fellingham first time
        entrants 2016"): one no targeted report prints, nor any paragraph near in meaning, is a
        topic they do not cover (such questions were answered with any close passage)."""
        p = intent_planner.plan(question, None, None, sample_corpus)
        assert (p.abstain.detail if p.abstain else None) == detail

    def test_a_topic_is_mentioned_where_one_of_its_alternatives_is(
        self, sample_corpus, intent_planner
    ):
        # the 2016 letter prints "MAPPA" but not "knife": "knife crime or MAPPA" is asked
        p = intent_planner.plan(
            "Does the 2016 Kestrel Vale screening cover knife crime or MAPPA?",
            None,
            None,
            sample_corpus,
        )
        assert p.abstain is None
        alone = intent_planner.plan(
            "Does the 2016 Kestrel Vale screening cover knife crime?", None, None, sample_corpus
        )
        assert alone.abstain is not None

    @pytest.mark.parametrize(
        "question, word",
        [
            ("Does the 2016 Kestrel Vale screening cover knife crime?", "knife"),
            (
                "Is there a volunteer mentoring scheme in Kestrel Vale's 2016 screening?",
                "volunteer",
            ),
            ("How does the 2016 Kestrel Vale screening say the YOS supports girls?", "girls"),
        ],
    )
    def test_whether_a_report_covers_an_unmentioned_topic_abstains_too(
        self, sample_corpus, intent_planner, question, word
    ):
        p = intent_planner.plan(question, None, None, sample_corpus)
        assert p.abstain is not None
        assert p.abstain.reason == AbstainReason.TOPIC_NOT_MENTIONED
        assert f"no paragraph prints '{word}'" in p.abstain.detail

    @pytest.mark.parametrize(
        "question",
        [
            "Does the 2016 Kestrel Vale screening cover MAPPA?",  # printed
            "How does the 2014 Marshbury YOS help youngsters with schooling?",  # printed there
            "What did inspectors say about planning in Marshbury?",  # printed
            "What did the 2014 Marshbury letter say about youngsters' schooling?",  # close
            # a heading's words in others ("Protecting the public"), none of them printed
            "What did the 2016 Kestrel Vale screening say about keeping the public safe?",
        ],
    )
    def test_a_printed_or_paraphrased_topic_is_asked(self, sample_corpus, intent_planner, question):
        assert intent_planner.plan(question, None, None, sample_corpus).abstain is None


@pytest.mark.parametrize(
    "question, role",
    [
        ("Who is the parenting worker at Gildersham YJS?", "parenting worker"),
        (
            "Who is the education, training and employment worker at Wickenmoor YJS?",
            "education training and employment worker",
        ),
        ("And who was the YOT's seconded CAMHS worker in 2018?", "seconded camhs worker"),
        ("What's the name of the clinical psychologist at the YJS?", "clinical psychologist"),
        ("Who was the Marshbury letter addressed to?", ""),  # a place, then no role
        ("Who chairs the board?", "who chairs the board"),
        ("Who chairs the youth court bench in Delverton?", "who chairs the youth court bench"),
        ("Who heads the youth justice service in Saltby?", "who heads the youth justice service"),
        ("Who led the 2016 Kestrel Vale screening?", ""),  # who did something, not a role
        ("What was the reoffending rate?", ""),
        # a place's role: the possessive stands for "the"
        ("Who is Marshbury's victim liaison officer? I'd like to call.", "victim liaison officer"),
        ("What is the name of Kestrel Vale's parenting worker?", "parenting worker"),
        ("Who runs Marshbury's youth offending service now?", ""),  # not after "is" or "of"
        ("Who is the nurse she'd see there?", "nurse"),  # a contraction ends it
        # a place before the role names whose role it is
        ("Who was the Marshbury YOS health worker in 2016?", "yos health worker"),
        # a post's title without an article: a role when its first word is a reports' word
        ("Who was Lead Inspector of the screening in 2016?", "lead inspector"),
        ("Who was Idris Fenwick?", ""),  # a name
        # the time a holder is asked of is no word of the post; another holder is
        ("Who is the current YOS manager in Marshbury?", "yos manager"),
        ("Who was the previous YOS manager in Marshbury?", "previous yos manager"),
        ("Who was interviewed?", ""),  # no title
    ],
)
def test_the_role_a_question_asks_who_holds(sample_corpus, question, role):
    assert role_asked(question, sample_corpus.place_words, sample_corpus.lower_words) == role


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Who led the 2016 Kestrel Vale screening?", "short quality screening"),
        ("What did Marshbury's screening find?", "short quality screening"),
        ("2016 screening: who led it?", "short quality screening"),
        ("What did the Kestrel Vale full joint inspection find?", "full joint inspection"),
        ("Who ran the service when the joint inspection happened?", "full joint inspection"),
        ("When did the Northfield youth justice inspection report come out?", "youth offending service inspection"),
        ("What did our YOS inspection find?", "youth offending service inspection"),
        ("Who inspects youth justice services?", None),
        # not the FJI ("joint" and "inspection" are apart); the sample holds no thematic whose
        # title words would name one
        ("What did the joint thematic inspection find?", None),
        ("Who does the communication screening for children in Kestrel Vale?", None),
        ("Was speech and language screening offered in Kestrel Vale?", None),
        # an area's name right before the kind names its report, with no "the" (tune51's
        # "key strengths coldmarsh sqs" listed the later inspection's strengths)
        ("key strengths kestrel vale sqs", "short quality screening"),
        ("key strengths speech and language screening", None),
    ],
)  # fmt: skip
def test_a_kind_of_report_is_named_only_as_a_report_is(sample_corpus, question, kind):
    from retrieval.plan import kind_named

    assert kind_named(question, sample_corpus) == kind


@pytest.mark.parametrize(
    "question, sides",
    [
        (
            "In 2021, which was the longer wait: CAMHS or substance misuse help?",
            [
                ("CAMHS", "In 2021, which was the longer wait: CAMHS?"),
                (
                    "substance misuse help",
                    "In 2021, which was the longer wait: substance misuse help?",
                ),
            ],
        ),
        (
            "In 2022, did Wickenmoor do better with children sentenced in court or with those "
            "diverted from court?",
            [
                (
                    "with children sentenced in court",
                    "In 2022, did Wickenmoor do better with children sentenced in court?",
                ),
                (
                    "with those diverted from court",
                    "In 2022, did Wickenmoor do better with those diverted from court?",
                ),
            ],
        ),
        (
            "In 2014, which was weaker: judging the danger to others, or judging their safety?",
            [
                (
                    "judging the danger to others",
                    "In 2014, which was weaker: judging the danger to others?",
                ),
                ("judging their safety", "In 2014, which was weaker: judging their safety?"),
            ],
        ),
        ("Is the reoffending rate above or below the national figure?", []),
        ("Has the CAMHS offer got better or worse since 2014?", []),
        ("What share were in education, training or employment?", []),
        ("Was it done during or after COVID, and in which year?", []),
    ],
)
def test_two_things_offered_as_alternatives(question, sides):
    from retrieval.plan import alternatives_asked

    assert alternatives_asked(question) == sides


def test_alternatives_asked_of_one_report_are_its_sides(sample_corpus):
    p = QuestionPlanner().plan(
        "In Kestrel Vale's 2013 inspection, which came quicker: a first CAMHS appointment or "
        "help from the substance misuse worker?",
        None,
        None,
        sample_corpus,
    )
    assert p.comparison
    assert [(s.label, s.report_ids) for s in p.sides] == [
        ("a first CAMHS appointment", ["kestrel_vale_fji_2013"]),
        ("help from the substance misuse worker", ["kestrel_vale_fji_2013"]),
    ]


def test_alternatives_asked_of_one_report_are_no_list(sample_corpus):
    """ "Which was worse in 2013, planning or reviewing?" read as the areas for improvement
    (its word "worse") asks each side for itself: no list of every area for improvement."""
    planner = QuestionPlanner(intents=Reads("improvement", 0.9, 0.9))
    p = planner.plan(
        "In Kestrel Vale's 2013 inspection, which was worse: planning or reviewing?",
        None,
        None,
        sample_corpus,
    )
    assert [s.label for s in p.sides] == ["planning", "reviewing"]
    assert p.list_kind is None and p.intent.label == "topic"
    # one thing asked: the list it recalls stands
    one = planner.plan(
        "What was worse in Kestrel Vale's 2013 inspection?", None, None, sample_corpus
    )
    assert one.list_kind == "improvement"


@pytest.mark.parametrize(
    ("question", "wants"),
    [
        ("kestrel vale 2013 police officer name", "person"),
        ("marshbury 2016 yot manager name?", "person"),
        ("kestrel vale 2013 parenting programme name", None),
    ],
)
def test_a_role_and_name_asked_tersely_wants_a_person(sample_corpus, question, wants):
    assert QuestionPlanner().plan(question, None, None, sample_corpus).wants == wants


def test_how_fast_asks_for_a_time(sample_corpus):
    """ "Who provides drug support, and how fast can they be seen?" asks for a person and a
    time, as "how quickly" does."""
    for question in (
        "Who provides drug support in Marshbury, and how fast can children be seen?",
        "Who provides drug support in Marshbury, and how quickly can children be seen?",
    ):
        p = QuestionPlanner().plan(question, None, None, sample_corpus)
        assert (p.wants, bool(p.quantity)) == ("person", True)


def test_the_reports_compared_named_pick_the_reports_not_the_paragraphs(sample_corpus):
    """ "between the 2014 letter and the 2016 inspection": the words naming the reports pick
    them, as areas and years do; inside them they would favour a letter's opening. A child's
    "screening" is a topic. Of one report, the words that name it by its year pick it too
    ("this letter" in a closing paragraph is no answer); undated, they may be what is asked
    about ("Who wrote the Marshbury letter?")."""
    planner = QuestionPlanner()
    p = planner.plan(
        "How did communication screening in Marshbury change between the 2014 letter and the "
        "2016 inspection report?",
        None,
        None,
        sample_corpus,
    )
    assert p.comparison and p.report_ids == ["marshbury_sqs_2014", "marshbury_sqs_2016"]
    assert words(p.lexical_text) == [
        "how", "did", "communication", "screening", "in", "change", "between", "the", "and",
        "the",
    ]  # fmt: skip
    one = planner.plan(
        "What did the 2016 Marshbury letter say about planning?", None, None, sample_corpus
    )
    assert words(one.lexical_text) == ["what", "did", "the", "say", "about", "planning"]
    undated = planner.plan("Who wrote the Marshbury letter?", None, None, sample_corpus)
    assert "letter" in words(undated.lexical_text)


def test_a_sum_of_money_asked_is_no_count_fact():
    """ "How much does it spend per child supervised?" read surely as the children supervised
    asks for a sum of money: no count answers it; "How many children…" does read the fact."""
    corpus = TestReportNamedBySubject().corpus()
    reads = Reads("fact:children_supervised", 0.9, 0.9)
    planner = QuestionPlanner(intents=reads)
    money = planner.plan("How much did the service spend per child supervised?", None, None, corpus)
    assert money.money and money.fact is None
    count = planner.plan("How many children was the service supervising?", None, None, corpus)
    assert count.fact == "children_supervised"


def test_a_name_in_a_sentence_about_the_asker_is_not_asked_about(plan):
    """ "I'm writing a piece for the Marshbury Gazette." tells who asks: the question abstained
    because no report prints "Gazette"."""
    p = plan(
        "I'm writing a piece for the Marshbury Gazette. What did the 2014 letter say about MAPPA?"
    )
    assert p.abstain is None and p.report_ids == ["marshbury_sqs_2014"]
    # asked about, the same name still counts; and an acronym the asker names is their topic
    p = plan("What did the Marshbury 2014 letter say about the Gazette?")
    assert p.abstain.detail == "The reports searched do not mention 'Gazette'."
    p = plan("My son has XQZT. Does Marshbury have support for it?")
    assert p.abstain.detail == "The reports searched do not mention 'XQZT'."


def test_a_year_asked_for_wins_over_the_years_the_asker_tells_of(plan):
    p = plan("I know you came in 2014 and 2016 - what did Marshbury's 2015 letter say?")
    assert p.abstain.reason == AbstainReason.NO_REPORT_FOR_TIME
    assert p.abstain.detail == "No stored report covers Marshbury in 2015 (stored: 2014, 2016)."
    # the asker's years alone still pick the reports
    p = plan("I was at the 2014 visit. What did Marshbury's letter say about MAPPA?")
    assert p.report_ids == ["marshbury_sqs_2014"]


def test_a_percent_sign_asks_for_a_figure(plan):
    assert plan("marshbury 2014 mappa referrals %").quantity
    assert not plan("marshbury 2014 mappa referrals").quantity


def test_a_sentence_about_the_asker_after_the_ask_picks_no_comparison(plan):
    """ "My daughter keeps getting a different worker." tells why the parent asks; "different"
    there made a comparison of both Marshbury letters."""
    question = "Are there staff vacancies at the moment in Marshbury?"
    alone = plan(question)
    told = plan(question + " My daughter seems to keep getting a different worker.")
    assert (told.comparison, told.report_ids) == (False, ["marshbury_sqs_2016"])
    assert (alone.comparison, alone.report_ids) == (told.comparison, told.report_ids)
    # asked inside the asker's sentence, it is the ask: "different" compares
    asked = plan("I'd like to know how different the Marshbury letters were.")
    assert asked.comparison is True


@pytest.mark.parametrize(
    ("question", "grade"),
    [
        ("Which standards got Requires improvement?", True),
        ("Which bits of the inspection came out as requires improvement?", True),
        ("What were the areas requiring improvement?", False),
        ("Was the work good enough?", False),
        ("Were the plans inadequate?", False),
    ],
)
def test_a_grade_named_as_reports_print_it(question, grade):
    from retrieval.plan import _names_a_grade

    assert _names_a_grade(question) is grade


def test_a_comparison_word_sets_reports_side_by_side_only_when_it_names_a_report_or_time(plan):
    """ "compare" between two things one report prints is no comparison of Marshbury's two
    letters; naming a report or a time it is."""
    within = plan("How does the caseload of the Marshbury case managers compare to the norm?")
    assert within.comparison is False
    for question in (
        "How does Marshbury's planning compare with last time?",
        "How do the Marshbury letters compare on planning?",
        "How does Marshbury planning in 2016 compare with 2014?",
        "Has Marshbury planning improved?",
    ):
        assert plan(question).comparison is True, question


def test_who_s_asks_for_a_person(plan):
    """ "Who's" is one word: it asked for no person, so any passage answered it."""
    assert plan("Who's the police officer in the Marshbury team now?").wants == "person"
    assert plan("Who is the police officer in the Marshbury team now?").wants == "person"


def test_contracted_question_words_ask_as_their_words(plan):
    assert plan("When's the Marshbury screening from?").wants == "date"
    assert plan("When was the Marshbury screening?").wants == "date"


def test_the_next_inspection_asked_about_is_one_no_report_tells_of(plan):
    for question in (
        "When is the next Marshbury inspection booked in for?",
        "When is Marshbury's next youth justice inspection due?",
        # told with a verb
        "When is HM Inspectorate of Probation next due to inspect Marshbury?",
        "When is Marshbury next due to be inspected?",
    ):
        p = plan(question)
        assert p.abstain.reason == AbstainReason.NO_REPORT_FOR_TIME, question
        assert p.abstain.detail == (
            "No stored report covers Marshbury after 2016: the reports cannot tell of an "
            "inspection still to come."
        )
    # what to do until then the reports tell; after a question about 2014, "the next
    # inspection" is the 2016 one; a year named is a time the reports may tell of
    assert plan("What should Marshbury fix before the next inspection?").abstain is None
    follow = plan("And at the next inspection?", history=["What did Marshbury's 2014 letter say?"])
    assert follow.abstain is None and follow.report_ids == ["marshbury_sqs_2016"]
    assert plan("Was the next Marshbury inspection after 2014 in 2016?").abstain is None


def test_an_inspection_asked_about_in_the_future_tense_is_one_no_report_tells_of(plan):
    for question in (
        "When are the inspectors coming back to look at Marshbury again?",
        "When will Marshbury be inspected again?",
    ):
        assert plan(question).abstain.reason == AbstainReason.NO_REPORT_FOR_TIME, question
    # the past, and a future thing that is no inspection, are asked of the reports
    assert plan("When did the inspectors visit Marshbury in 2016?").abstain is None
    assert plan("When will Marshbury's new office open?").abstain is None


def test_a_budget_asked_tersely_asks_for_a_sum_of_money(plan):
    assert plan("marshbury 2016 annual budget").money
    assert plan("What is Marshbury's annual budget?").money
    assert plan("What budget did Marshbury have in 2016?").money
    assert not plan("What did inspectors say about Marshbury's budget?").money


def test_an_ordinal_is_no_identifier():
    from retrieval.plan import identifiers

    assert identifiers("What did the 2nd and 21ST visits say about team 4321?") == ["4321"]


def test_a_plural_number_names_a_group_not_an_identifier():
    """ "over-16s", "under-18s": an age group, which reports print in words ("aged 16 or
    over"); it had abstained: "The reports searched do not mention 'over-16s'". A code with a
    number ("Covid-19", "A1") is an identifier still."""
    from retrieval.plan import identifiers

    assert identifiers("were more of our over-16s in school in 2024 than in 2017?") == []
    assert identifiers("How were the UNDER-18S housed?") == []
    assert identifiers("Did Covid-19 delay the A1 bus pilot for under-18s?") == ["Covid-19", "A1"]


def test_a_report_whose_year_is_not_printed_is_searched_for_a_year_not_refused():
    # the area's letter prints no date the reader found: "in 2017" may be its year, so it is
    # searched; a dated report of another year is still ruled out
    from retrieval.corpus import build_corpus

    reports = [
        {"report_id": "ferncombe_letter", "area": "Ferncombe", "year": None},
        {"report_id": "ferncombe_2023", "area": "Ferncombe", "year": 2023},
    ]
    corpus = build_corpus(
        reports,
        {
            "ids": ["a", "b"],
            "texts": ["Planning was weak in 11 of 20 cases.", "Planning has improved."],
            "metadatas": [
                {"report_id": r["report_id"], "section": "Findings", "ordinal": 1, "kind": "prose"}
                for r in reports
            ],
        },
    )
    plan = QuestionPlanner().plan("How was Ferncombe's planning in 2017?", None, None, corpus)
    assert (plan.abstain, plan.report_ids) == (None, ["ferncombe_letter"])


@pytest.mark.parametrize(
    ("question", "earlier", "reports"),
    [
        # "now": the area's newest report
        ("and what about now?", "What did the 2014 inspection say about MAPPA?", ["marshbury_sqs_2016"]),
        # "better than last time": the one before, set beside the one asked about
        ("Was it any better than last time they looked?", "What did the 2016 letter say about MAPPA?", ["marshbury_sqs_2014", "marshbury_sqs_2016"]),
        # "last time" alone: the one before
        ("What did they say about it last time?", "What did the 2016 letter say about MAPPA?", ["marshbury_sqs_2014"]),
    ],
)  # fmt: skip
def test_a_follow_up_under_an_area_filter_moves_in_time(plan, question, earlier, reports):
    """The earlier question named a year but no area (the user's area filter set it): "now"
    and "last time" in the follow-up move from the report it was asked of, as they do when the
    area is named."""
    p = plan(question, history=[earlier], filters={"area": "Marshbury"})
    assert sorted(p.report_ids) == reports


def test_a_follow_up_naming_a_year_under_an_area_filter_keeps_the_earlier_topic(plan):
    """ "and was that sorted by 2016?" after "What did the 2014 inspection find about MAPPA?",
    both under the user's area filter: the earlier question says what "that" is, as when it
    named the area."""
    p = plan(
        "and was that sorted by 2016?",
        history=["What did the 2014 inspection find about MAPPA?"],
        filters={"area": "Marshbury"},
    )
    assert p.inherited
    assert "MAPPA" in p.search_text
    assert "marshbury_sqs_2016" in p.report_ids


@pytest.mark.parametrize(
    ("question", "sides"),
    [
        ("How did work with victims compare between the two inspections?", ["marshbury_sqs_2014", "marshbury_sqs_2016"]),
        # whether it got better: the newest, which answers, leads
        ("Was planning better or worse than last time?", ["marshbury_sqs_2016", "marshbury_sqs_2014"]),
        ("MAPPA referrals then vs now", ["marshbury_sqs_2014", "marshbury_sqs_2016"]),
        # a year the change runs from: that year's report and the one after
        ("Have MAPPA referrals got quicker since 2014?", ["marshbury_sqs_2014", "marshbury_sqs_2016"]),
        # two things of one report side by side: a change word, but no report or time named
        ("Is the service better at assessing risk or at planning?", None),
    ],
)  # fmt: skip
def test_a_change_between_the_area_s_reports_asked_under_an_area_filter(plan, question, sides):
    """With the area set by the filter, not named, a question setting its inspections side by
    side has a side for each report, oldest first (newest first when it asks whether things got
    better), as when the area is named."""
    p = plan(question, filters={"area": "Marshbury"})
    got = [s.report_ids[0] for s in p.sides] if p.comparison else None
    assert got == sides


FJI, SQS = ["kestrel_vale_fji_2013"], ["kestrel_vale_sqs_2016"]


@pytest.mark.parametrize(
    ("question", "filters", "sides"),
    [
        # whether it improved: the newest, which answers, leads
        ("Has planning improved in Kestrel Vale since the joint inspection?", None, [SQS, FJI]),
        ("Has our planning improved since the full joint inspection?", {"area": "Kestrel Vale"}, [SQS, FJI]),
        # "now" set against a report named by its kind: that report and the newest
        ("How does our planning now compare with what the joint inspection found?", {"area": "Kestrel Vale"}, [FJI, SQS]),
    ],
)  # fmt: skip
def test_since_a_report_named_by_its_kind_sets_it_beside_the_newest(plan, question, filters, sides):
    """ "since the joint inspection": the time runs from that report; the newest after it
    answers whether things changed."""
    p = plan(question, filters=filters)
    assert p.comparison
    assert [s.report_ids for s in p.sides] == sides


@pytest.mark.parametrize(
    ("texts", "abstains"),
    [
        (["Staff were rated Good.", "Ofsted inspectors joined our team."], True),
        # a sentence naming the body and giving its grade answers
        (["Staff were rated Good.", "Ofsted rated children's services as Requires improvement."], False),
    ],
)  # fmt: skip
@pytest.mark.parametrize(
    "question",
    [
        "What rating did Ofsted give Ferncombe's children's services?",
        # the body named in the possessive ("Ofsted's judgement") had not been found
        "What was Ofsted's judgement of Ferncombe children's services?",
    ],
)
def test_a_grade_asked_of_another_inspectorate_needs_a_sentence_giving_one(
    texts, abstains, question
):
    """The reports' grades are HM Inspectorate of Probation's: "What rating did Ofsted give
    Ferncombe's children's services?" is not answered by the service's own grade."""
    from retrieval.corpus import build_corpus

    reports = [{"report_id": "f", "area": "Ferncombe", "year": 2023}]
    corpus = build_corpus(
        reports,
        {
            "ids": ["a", "b"],
            "texts": texts,
            "metadatas": [
                {"report_id": "f", "section": "Findings", "ordinal": n, "kind": "prose"}
                for n in (1, 2)
            ],
        },
    )
    plan = QuestionPlanner().plan(question, None, None, corpus)
    if abstains:
        assert plan.abstain == Abstention(
            AbstainReason.TOPIC_NOT_MENTIONED,
            "The reports searched give no grade from Ofsted: the grades they give are HM "
            "Inspectorate of Probation's, of the youth justice service.",
        )
    else:
        assert plan.abstain is None


@pytest.mark.parametrize(
    ("question", "quantity"),
    [
        ("How much progress has Marshbury made since 2014?", False),
        ("How much better is Marshbury's planning now?", False),
        ("How much money does Marshbury YOS spend?", True),
        ("How many cases were inspected in Marshbury?", True),
    ],
)
def test_how_much_asks_a_number_unless_it_asks_a_degree_of_change(plan, question, quantity):
    assert bool(plan(question).quantity) is quantity


def test_the_size_of_a_budget_asks_for_a_sum_of_money(plan):
    assert plan("How big was Marshbury's budget in 2016?").money
    assert not plan("What did inspectors say about Marshbury's budget?").money


def test_a_role_naming_a_person_before_a_participle_asks_for_a_person(plan):
    """ "the CAMHS nurse seconded to the team": its last word is no job, its head noun is."""
    p = plan("What's the name of the CAMHS nurse seconded to the Marshbury team?")
    assert (p.role, p.wants) == ("camhs nurse seconded", "person")


@pytest.mark.parametrize(
    "question, role",
    [
        ("What's the name of the youth work practitioner at Marshbury?", "youth work practitioner"),
        ("What is the name of Marshbury's police constable?", "police constable"),
    ],
)
def test_a_job_named_by_its_name_asks_for_a_person(plan, question, role):
    """PERSON_NOUNS: a practitioner or a constable is a job a person holds."""
    p = plan(question)
    assert (p.role, p.wants) == (role, "person")


def test_an_average_or_another_rate_is_no_fact_of_a_count_or_the_reoffending_rate(
    sample_corpus, intent_planner
):
    """A count fact read by meaning does not answer an average ("on average" per case
    manager: the cases inspected were given), nor the reoffending rate another rate."""

    def read(q):
        return intent_planner.plan(q, None, None, sample_corpus)

    average = read("How many cases did each Marshbury case manager hold on average?")
    assert average.intent.label == "fact:cases_inspected" and average.fact is None
    assert read("How many cases did inspectors look at in Marshbury?").fact == "cases_inspected"
    assert read("northfield 2019 reoffending rate").fact == "reoffending_rate"
    # (the rate's name, whatever the reading)
    assert _another_measure("first time entrants rate england and wales", "reoffending_rate")
    assert not _another_measure("reoffending rate england and wales", "reoffending_rate")
    assert not _another_measure("what is the national rate", "national_reoffending_rate")


def test_a_role_asked_in_the_past_by_what_its_holder_did(plan):
    """ "Who managed the CAMHS service in 2016?" asks who held that role (any person was
    named: the board's chair); "Who ran …" stays any who ran it (a manager, an inspection's
    lead)."""
    assert plan("Who managed the CAMHS service in Marshbury in 2016?").role == (
        "who managed the camhs service"
    )
    assert plan("Who ran the 2013 inspection in Kestrel Vale?").role == ""


def test_a_share_is_no_count_fact(sample_corpus, intent_planner):
    def read(q):
        return intent_planner.plan(q, None, None, sample_corpus)

    share = read("What proportion of the cases inspected in Marshbury in 2016 were girls?")
    assert share.intent.label == "fact:cases_inspected" and share.intent.probability > 0.5
    assert share.quantity and share.fact is None


def test_the_inspectorate_s_initials_are_its_author_not_a_topic(intent_planner):
    """ "How many cases did HMI Probation look at?" of a letter that signs as "HM Inspectorate
    of Probation" and never prints "HMI": the initials name the reports' author, no topic the
    reports must print, so the question is not refused."""
    rows = [
        ("Header", "prose", "HM Inspectorate of Probation, 4 Piccadilly Place, Manchester"),
        ("Header", "prose", "We examined 24 cases of children who had been sentenced."),
    ]
    corpus = calder_corpus(rows, 2016, "sqs")
    plan = intent_planner.plan("How many cases did HMI Probation look at?", None, None, corpus)
    assert not plan.abstain
    refused = intent_planner.plan("How many cases did the CQC look at?", None, None, corpus)
    assert refused.abstain.detail == "The reports searched do not mention 'CQC'."


class TestAcronymSpelledOutOnly:
    """An acronym the reports print only spelled out, and never define: "our SALT provision"
    of a report that prints "speech and language therapist", "the QA framework" of one that
    prints "quality assurance framework". It is no unknown name (tune sets': "The reports
    searched do not mention 'QA'"), and it is searched by the printed words."""

    ROWS = [
        ("Staff", "numbered", "There is no speech and language therapist in the service."),
        ("Oversight", "numbered", "A quality assurance framework was introduced in 2021."),
        ("Victims", "numbered", "Restorative justice was offered in every case."),
        ("Planning", "numbered", "Plans were quick and short; action plans were late."),
    ]

    def test_three_letters_or_more_searched_by_the_words_that_spell_them(self):
        corpus = calder_corpus(self.ROWS, 2023, "yjs")
        p = QuestionPlanner().plan("do we have SALT provision?", None, None, corpus)
        assert p.abstain is None
        assert p.search_text == "do we have SALT provision? speech and language therapist"

    def test_an_acronym_in_mixed_case_is_one(self):
        # "SaLT" (tune78: "The reports searched do not mention 'SaLT'")
        corpus = calder_corpus(self.ROWS, 2023, "yjs")
        p = QuestionPlanner().plan("since when have we had no SaLT?", None, None, corpus)
        assert p.abstain is None
        assert p.search_text == "since when have we had no SaLT? speech and language therapist"

    def test_two_letters_spelled_by_two_words_of_meaning_in_one_way(self):
        corpus = calder_corpus(self.ROWS, 2023, "yjs")
        p = QuestionPlanner().plan("were victims offered RJ?", None, None, corpus)
        assert p.abstain is None
        assert p.search_text == "were victims offered RJ? restorative justice"

    def test_two_letters_spelled_in_two_ways_are_not_searched_by_either(self):
        # "quality assurance" and "quick action": which the asker meant is open
        rows = [*self.ROWS, ("Planning", "numbered", "Quick action followed every review.")]
        corpus = calder_corpus(rows, 2023, "yjs")
        p = QuestionPlanner().plan("when did the QA framework start?", None, None, corpus)
        assert p.abstain is None
        assert p.search_text == "when did the QA framework start?"

    def test_the_words_of_an_acronym_may_be_joined_by_or(self):
        """ "SLCN" of a report printing "speech, language or communication need" (fresh50's
        tune miss abstained: "The reports searched do not mention 'SLCN'")."""
        rows = [
            *self.ROWS,
            ("Health", "numbered", "62% had a speech, language or communication need."),
        ]
        corpus = calder_corpus(rows, 2023, "yjs")
        p = QuestionPlanner().plan("what share had SLCN?", None, None, corpus)
        assert p.abstain is None
        assert p.search_text == "what share had SLCN? speech language or communication need"

    def test_two_initials_in_little_words_are_no_printing(self):
        corpus = calder_corpus(self.ROWS, 2023, "yjs")
        p = QuestionPlanner().plan("did they use the TA model?", None, None, corpus)
        assert p.abstain == Abstention(
            AbstainReason.NAME_NOT_PRINTED, "The reports searched do not mention 'TA'."
        )


def two_year_corpus(rows_2016, rows_2023):
    """Calder's 2016 letter ("s") and 2023 inspection ("y") as plain data: (section, text) rows."""
    from retrieval.corpus import build_corpus

    rows = [("s", h, t) for h, t in rows_2016] + [("y", h, t) for h, t in rows_2023]
    return build_corpus(
        [
            {"report_id": "s", "area": "Calder", "year": 2016, "inspection_type": "sqs"},
            {"report_id": "y", "area": "Calder", "year": 2023, "inspection_type": "yjs"},
        ],
        {
            "ids": [f"r{i}" for i in range(len(rows))],
            "texts": [t for _, _, t in rows],
            "metadatas": [
                {"report_id": r, "section": h, "paragraph": None, "ordinal": i, "kind": "numbered"}
                for i, (r, h, _) in enumerate(rows, start=1)
            ],
        },
    )


class TestTimeAndNamesOfOtherReports:
    """A year that no report is dated opens a span told of by later reports; a name printed
    only in a report the year rules out is not told of by the report asked about."""

    S = [
        (
            "Protecting the public",
            "Two children were placed at Wetherby young offender institution.",
        ),
        ("Reducing reoffending", "The reoffending rate was 41%."),
    ]
    Y = [
        ("Governance", "The reoffending rate fell from 38.1% in 2019 to 29.6%."),
        ("Reviewing", "Two children were managed under MAPPA at the time of the inspection."),
    ]

    def test_a_span_opening_in_a_year_leaves_out_the_reports_before_it(self):
        corpus = two_year_corpus(self.S, self.Y)
        p = QuestionPlanner().plan(
            "how much has reoffending in Calder dropped since 2019?", None, None, corpus
        )
        assert (p.report_ids, p.comparison) == (["y"], False)
        # a span ending in the year keeps both ("by 2019": what came before it)
        p = QuestionPlanner().plan("had reoffending in Calder dropped by 2019?", None, None, corpus)
        assert p.report_ids == ["s", "y"]

    def test_a_name_printed_only_in_a_report_the_year_rules_out_abstains(self):
        corpus = two_year_corpus(self.S, self.Y)
        p = QuestionPlanner().plan(
            "how many Calder children were at Wetherby in 2023?", None, None, corpus
        )
        assert p.abstain == Abstention(
            AbstainReason.NAME_NOT_PRINTED,
            "Calder 2023 does not mention 'Wetherby' (another stored report of the area does).",
        )
        p = QuestionPlanner().plan(
            "how many Calder children were at Wetherby in 2016?", None, None, corpus
        )
        assert p.abstain is None and p.report_ids == ["s"]
        # the year a time set against ("before or after the 2023 inspection"): the area's
        # other report tells of it (lexicon RELATIVE_TO_REPORT)
        p = QuestionPlanner().plan(
            "Were Calder children placed at Wetherby before or after the 2023 inspection?",
            None,
            None,
            corpus,
        )
        assert p.abstain is None and p.report_ids == ["s", "y"]

    def test_it_after_a_preposition_points_back_to_the_earlier_question(self):
        """ "and how many kids were under it by the 2023 inspection?" after a question about
        MAPPA: "it" is MAPPA, so the earlier question is searched with it (fresh49's tune miss
        was answered with the borough's number of children)."""
        corpus = two_year_corpus(self.S, self.Y)
        p = QuestionPlanner().plan(
            "and how many kids were under it by the 2023 inspection?",
            ["What did the 2016 Calder letter say about MAPPA?"],
            None,
            corpus,
        )
        assert p.report_ids == ["y"]
        assert "MAPPA" in p.search_text


def test_a_service_of_an_area_no_report_is_about_written_in_lower_case(sample_corpus):
    """ "fenbridge yjs 2022 overall rating", typed as a script types it: a word right before the
    service's name that reports print only as a name (capitalised) is a place, and no stored
    report is about it (tune51's question was answered from the filtered area's report). A
    word reports print in lower case is none ("the local yjs")."""
    from retrieval.plan import _service_of_unstored_area

    # "Calderfordshire": a county the Kestrel Vale letter names, no stored report's area
    assert _service_of_unstored_area("calderfordshire yjs 2022 overall rating", sample_corpus) == (
        "calderfordshire"
    )
    assert _service_of_unstored_area("Calderfordshire YJS overall rating", sample_corpus) == (
        "Calderfordshire"
    )
    # a stored area, a word printed in lower case, a word no report prints: none
    assert _service_of_unstored_area("northfield yjs overall rating", sample_corpus) is None
    assert _service_of_unstored_area("the local yjs overall rating", sample_corpus) is None
    assert _service_of_unstored_area("hackney yjs overall rating", sample_corpus) is None


@pytest.mark.parametrize(
    "question, speaker",
    [
        ("What did Ofsted say about Carrowdale children's services?", ["ofst"]),
        ("What did local magistrates say about the service?", ["magistr"]),
        ("What do parents think of the service?", ["parent"]),
        # the reports and their authors, places, years and pronouns are no other speaker
        ("What did the Haverleigh report say about provision for girls?", []),
        ("What did inspectors say about planning?", []),
        ("What did HMI Probation say about Thurrock?", []),
        ("What did the 2023 letter say?", []),
        ("What did they say about it?", []),
        ("What is the service doing about knife crime?", []),
        # what an outside body found or graded is asked of them too
        ("What did Ofsted rate Carrowdale children's services at its last inspection?", ["ofst"]),
        ("What did the police find?", ["polic"]),
        # a report found it, whatever its words
        ("And what did the later inspection find?", []),
    ],
)
def test_the_speaker_whose_words_a_question_asks_for(question, speaker):
    """ "What did Ofsted say …?" asks for the words of a speaker the answer must name (tune
    questions about Ofsted and local magistrates were answered with the inspectors' words)."""
    from retrieval.plan import speaker_asked

    assert speaker_asked(question, frozenset({"carrowdale", "haverleigh", "thurrock"})) == speaker


@pytest.mark.parametrize(
    ("question", "every"),
    [
        ("Which standards did Marshbury get Good for in 2016?", True),
        ("Which key strengths did the 2016 Marshbury letter list?", True),
        ("List the Marshbury 2016 areas requiring improvement.", True),
        # "which" with a singular noun asks for one
        ("Which inspector put her name to the 2016 Marshbury letter?", False),
        ("Which senior inspector signed off the Marshbury 2016 letter?", False),
    ],
)
def test_which_asks_for_every_match_only_of_a_plural(plan, question, every):
    assert plan(question).enumerate == every


def test_a_score_asked_of_a_report_that_prints_none_is_not_answered(plan):
    """A screening is not scored: "What score out of 36 did Marshbury get in 2016?" was
    answered with the letter's closest passage, which gives no score."""
    p = plan("What score out of 36 did Marshbury get in 2016?")
    assert p.abstain.reason == AbstainReason.TOPIC_NOT_COVERED
    assert p.abstain.detail == "Marshbury SQS 2016 prints no overall score."
    # nor is a graded inspection that prints no score (a report that prints one answers:
    # test_assistant's test_a_score_out_of_a_maximum_is_the_overall_score)
    assert plan("What score out of 36 did Northfield get in 2019?").abstain.detail == (
        "Northfield YOS inspection 2019 prints no overall score."
    )


def test_a_script_s_keywords_naming_a_counted_fact_ask_for_its_number(
    sample_corpus, intent_planner
):
    """ "marshbury 2016 screening cases inspected" asks for the number of cases, as "how many"
    would: a passage printing no number ("we examined the cases of …") is no answer."""
    terse = intent_planner.plan(
        "marshbury 2016 screening cases inspected", None, None, sample_corpus
    )
    assert terse.fact == "cases_inspected" and terse.quantity
    asked = intent_planner.plan(
        "What did the 2016 Marshbury screening say about the cases it inspected?",
        None,
        None,
        sample_corpus,
    )
    assert not asked.quantity
