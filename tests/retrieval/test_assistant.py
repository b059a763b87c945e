"""retrieval/assistant.py: `Assistant.ask` end to end on real stores (the real Thurrock report,
the sample reports), and `verify`, the verbatim-quote check on every citation."""

from __future__ import annotations

import pytest
from answer_checks import SAMPLE_IDS, assert_contract, cited

from findings.errors import InvalidQuestion
from findings.text import normalise_space
from retrieval.answer import Cited, Draft
from retrieval.assistant import Assistant, verify
from retrieval.hybrid import hit_from_row

pytest_plugins = ["retrieval_fixtures"]

THURROCK = "thurrock_sqs_2015"
NOT_ANSWERED = "The reports do not answer this question."
RELATED_KEYS = ["report_id", "section", "paragraph", "ordinal", "label", "text"]


class TestThurrock:
    """The real report: one numbered paragraph per theme, the key strengths list, the paragraph
    split by a footnote, and questions it does not answer."""

    @pytest.mark.parametrize(
        ("question", "lead"),
        [
            (
                "When were the inspectors in Thurrock?",
                "**27-29 April 2015** — “The inspection was conducted from 27-29 April 2015 ",
            ),
            (
                "Who should I contact about the Thurrock inspection?",
                "**Jane Attwood** — “If you have any further questions about the inspection ",
            ),
            (
                "What was Thurrock's reoffending rate?",
                "**39.6%** — “The published reoffending rate¹ for Thurrock was 39.6% against ",
            ),
            # one person asked for with "Which": the closing prose naming the lead inspector,
            # not a list of copy-list rows that mention an "Inspectorate"
            (
                "Which inspector was in charge of the Thurrock screening?",
                "**Jane Attwood** — “If you have any further questions about the inspection ",
            ),
            # "files read" is the cases inspected, by meaning: the paragraph printing that fact,
            # quoted from its sentence printing it (its first sentence is on another matter)
            (
                "How many young people's files were read in Thurrock?",
                "**14** — “We examined 14 cases of children and young people who had recently ",
            ),
            # surely asking for the publication date: the "Publication date:" field, not the
            # sentence saying the report "is published" online (which prints the fieldwork dates)
            (
                "When was the Thurrock report published?",
                "**20 May 2015** — “Publication date: 20 May 2015” [1]",
            ),
            # a topic question asks for no date, name, grade or number: the quote leads
            (
                "What did inspectors say about the quality of pre-sentence reports in Thurrock?",
                "“The quality of pre-sentence reports was judged to be good",
            ),
        ],
    )
    def test_the_answering_span_leads_in_bold_before_the_whole_quote(
        self, thurrock_assistant, question, lead
    ):
        answer = thurrock_assistant.ask(question).to_json()
        assert answer["answer"].startswith(lead)
        assert "**" not in answer["citations"][0]["quote"]

    @pytest.mark.parametrize(
        ("question", "section", "paragraph", "ordinal", "quote"),
        [
            (
                "What did inspectors say about the quality of pre-sentence reports in Thurrock?",
                "Reducing reoffending",
                "1.2",
                2,
                "The quality of pre-sentence reports was judged to be good in all those inspected.",
            ),
            (
                "How well was the risk of harm assessed in Thurrock?",
                "Protecting the public",
                "2.1",
                1,
                "We judged that the assessment of the risk of harm posed by children and young "
                "people was carried out well in all of the cases we inspected. There was evidence "
                "of a thoughtful approach to the use of information other than convictions, such "
                "as behaviour or allegations which were not pursued.",
            ),
            (
                "Were emotional and mental health needs recognised in Thurrock?",
                "Protecting the child or young person",
                "3.3",
                3,
                "In two cases, emotional and mental health needs had not been recognised.",
            ),
            (
                "Was enforcement action taken promptly in Thurrock?",
                "Ensuring that the sentence is served",
                "4.4",
                4,
                "Where necessary, enforcement action was taken promptly.",
            ),
        ],
        ids=["1-reducing-reoffending", "2-protecting-public", "3-protecting-child", "4-sentence"],
    )
    def test_each_theme_cites_its_numbered_paragraph(
        self, thurrock_assistant, thurrock_store, question, section, paragraph, ordinal, quote
    ):
        answer = thurrock_assistant.ask(question).to_json()
        assert_contract(answer, thurrock_store)
        assert answer["abstained"] is False
        assert cited(answer) == [(THURROCK, section, paragraph, ordinal)]
        first = answer["citations"][0]
        assert first["label"] == f"Thurrock SQS 2015 ¶{paragraph}"
        assert first["quote"] == quote
        assert (first["area"], first["year"], first["page"]) == ("Thurrock", 2015, None)
        assert first["report_title"] == (
            "Report of Short Quality Screening (SQS) of youth offending work in Thurrock"
        )
        assert answer["retrieved"][0]["paragraph"] == paragraph

    def test_yes_no_questions_get_the_quote_without_a_verdict(self, thurrock_assistant):
        # a "No." before a quote that partly says yes is the bug this guards against: the
        # extractive answer leads with the verbatim sentence and lets it speak for itself
        mixed = thurrock_assistant.ask(
            "Were emotional and mental health needs recognised in Thurrock?"
        )
        assert mixed.answer == (
            "“In two cases, emotional and mental health needs had not been recognised.” [1]"
        )
        yes = thurrock_assistant.ask("Was enforcement action taken promptly in Thurrock?")
        assert yes.answer == "“Where necessary, enforcement action was taken promptly.” [1]"

    def test_reoffending_rate_cites_the_unnumbered_summary_paragraph(
        self, thurrock_assistant, thurrock_store
    ):
        answer = thurrock_assistant.ask("What was the reoffending rate in Thurrock?").to_json()
        assert_contract(answer, thurrock_store)
        first = answer["citations"][0]
        assert cited(answer) == [(THURROCK, "Summary", None, 1)]
        assert first["label"] == "Thurrock SQS 2015 · Summary ¶1"
        assert first["quote"] == (
            "The published reoffending rate¹ for Thurrock was 39.6% against the England and "
            "Wales average of 36.1%."
        )
        assert "39.6%" in answer["answer"] and "36.1%" in answer["answer"]

    def test_list_question_cites_every_key_strength(self, thurrock_assistant, thurrock_store):
        answer = thurrock_assistant.ask("What were the key strengths in Thurrock?").to_json()
        assert_contract(answer, thurrock_store)
        assert cited(answer) == [(THURROCK, "Key strengths", None, n) for n in (1, 2, 3)]
        assert [c["label"] for c in answer["citations"]] == [
            f"Thurrock SQS 2015 · Key strengths ¶{n}" for n in (1, 2, 3)
        ]
        assert answer["answer"] == (
            "Thurrock SQS 2015 lists 3 key strengths:\n"
            "- “The genuinely holistic work by case managers integrated safeguarding, public "
            "protection and offending behaviour interventions.” [1]\n"
            "- “There was effective liaison and joint work with other agencies.” [2]\n"
            "- “It was apparent that there was excellent staff commitment to children and young "
            "people and their parents/carers resulting in more effective interactions.” [3]"
        )

    def test_paragraph_split_by_a_footnote_is_cited_whole_without_the_footnote(
        self, thurrock_assistant, thurrock_store
    ):
        answer = thurrock_assistant.ask(
            "Was the analysis evident in the record of assessment (Asset) in Thurrock?"
        ).to_json()
        assert_contract(answer, thurrock_store)
        assert cited(answer) == [(THURROCK, "Reducing reoffending", "1.1", 1)]
        quote = answer["citations"][0]["quote"]
        assert answer["citations"][0]["label"] == "Thurrock SQS 2015 ¶1.1"
        # The two halves either side of the page-foot footnote, joined; the footnote is not in it.
        assert "with whom they were working. The analysis was not always evident" in quote
        assert quote.endswith("in the record of assessment (Asset) however.")
        assert "Published January 2015" not in quote
        stored = thurrock_store.get_paragraphs(THURROCK)
        para = next(p for p in stored if p["paragraph"] == "1.1")
        assert normalise_space(quote) in normalise_space(para["text"])
        assert para["footnotes"] == []

    def test_answer_from_two_sentences_of_a_long_paragraph(self, thurrock_assistant):
        answer = thurrock_assistant.ask(
            "Were key processes in place for case managers, and was effective support provided "
            "alongside enforcement of necessary boundaries in Thurrock?"
        ).to_json()
        assert answer["abstained"] is False
        assert cited(answer) == [(THURROCK, "Summary", None, 2)]

    @pytest.mark.parametrize(
        "question",
        [
            "What did inspectors say about knife crime in Thurrock?",
            "What did the report say about the police in Thurrock?",
        ],
    )
    def test_a_copy_list_row_never_answers_a_topic_question(self, thurrock_assistant, question):
        """Rows like "Police and Crime Commissioner for Essex | Nick Alston" answer who holds a
        role, not what inspectors said about crime or the police."""
        answer = thurrock_assistant.ask(question).to_json()
        assert all(c["section"] not in ("Copy to", "Header") for c in answer["citations"])

    def test_a_copy_list_row_answers_who_holds_a_role(self, thurrock_assistant):
        answer = thurrock_assistant.ask("Who is the chief executive in Thurrock?").to_json()
        assert answer["answer"] == (
            "**Graham Farrant** — “Local Authority Chief Executive | Graham Farrant” [1]"
        )
        assert cited(answer) == [(THURROCK, "Copy to", None, 2)]

    def test_unanswerable_question_abstains(self, thurrock_assistant, thurrock_store):
        answer = thurrock_assistant.ask("How many staff did the Thurrock YOS employ?").to_json()
        assert_contract(answer, thurrock_store)
        assert answer["abstained"] is True
        assert answer["citations"] == []
        # the letter records no headcount (findings.records.RECORDED_WHEN_TOLD): it says so
        assert answer["answer"] == (
            f"{NOT_ANSWERED} Thurrock SQS 2015 does not give how many staff the service employed."
        )
        # `related` lists the closest paragraphs, taken from the top of `retrieved`
        assert [
            (r["report_id"], r["section"], r["paragraph"], r["ordinal"]) for r in answer["related"]
        ] == [
            (r["report_id"], r["section"], r["paragraph"], r["ordinal"])
            for r in answer["retrieved"][:3]
        ]

    def test_area_not_stored_abstains_naming_it(self, thurrock_assistant):
        answer = thurrock_assistant.ask("What did inspectors find in Brackenford?").to_json()
        assert answer["abstained"] is True
        assert answer["answer"] == (
            f"{NOT_ANSWERED} The stored reports do not mention 'Brackenford'."
        )
        assert answer["citations"] == []
        assert [list(r) for r in answer["related"]] == [RELATED_KEYS] * 3
        assert [(r["report_id"], r["paragraph"], r["ordinal"]) for r in answer["related"]] == [
            (r["report_id"], r["paragraph"], r["ordinal"]) for r in answer["retrieved"][:3]
        ]

    def test_top_k_sets_the_number_retrieved(self, thurrock_assistant):
        assert len(thurrock_assistant.ask("What did inspectors say about planning?").retrieved) == 8
        three = thurrock_assistant.ask("What did inspectors say about planning?", top_k=3)
        assert len(three.retrieved) == 3

    def test_id_is_echoed_and_timings_reported(self, thurrock_assistant):
        answer = thurrock_assistant.ask("Was enforcement action taken promptly in Thurrock?", id=7)
        assert answer.id == 7 and answer.mode == "extractive"
        assert list(answer.timings_ms) == ["retrieve", "answer", "total"]
        assert answer.timings_ms["total"] >= answer.timings_ms["retrieve"]


class TestSampleCorpus:
    """Comparisons, follow-ups and filters across the five sample reports plus Thurrock."""

    def test_the_newest_report_is_answered_from_the_metadata(self, sample_assistant, sample_store):
        answer = sample_assistant.ask("What is the newest report we hold?").to_json()
        assert_contract(answer, sample_store)
        assert answer["answer"] == (
            "The most recent of the 6 reports stored is **Northfield YOS inspection 2019**: "
            "“Publication date: 14 June 2019” [1]"
        )
        assert cited(answer) == [("northfield_yos_2019", "Header", None, 2)]

    def test_areas_inspected_more_than_once_cite_each_report(self, sample_assistant, sample_store):
        answer = sample_assistant.ask("Which areas have been inspected more than once?").to_json()
        assert_contract(answer, sample_store)
        assert answer["answer"].startswith("2 areas have more than one inspection:\n")
        assert [c["report_id"] for c in answer["citations"]] == [
            "kestrel_vale_fji_2013",
            "kestrel_vale_sqs_2016",
            "marshbury_sqs_2014",
            "marshbury_sqs_2016",
        ]

    def test_a_follow_up_without_an_area_reads_the_report_the_last_answer_cited(
        self, sample_assistant, sample_store
    ):
        first = "Which youth offending service brought in a one-page 'My Plan'?"
        assert cited(sample_assistant.ask(first).to_json())[0][0] == "marshbury_sqs_2016"
        answer = sample_assistant.ask("Who led that inspection?", history=[first]).to_json()
        assert_contract(answer, sample_store)
        assert cited(answer) == [("marshbury_sqs_2016", "Closing", None, 2)]
        assert "Hannah Okafor" in answer["answer"]
        # without the conversation, the question names no inspection: not Marshbury's
        alone = sample_assistant.ask("Who led that inspection?").to_json()
        assert cited(alone) != cited(answer)

    def test_a_follow_up_asking_a_recorded_fact_is_answered_by_its_record(
        self, sample_assistant, sample_store
    ):
        """ "And who signed it off?" shares no word with the sign-off it asks for, and its
        meaning alone scored under the evidence threshold: it abstained. The letter's record of
        its signatory, the fact read surely, is the evidence."""
        answer = sample_assistant.ask(
            "and who signed it off?", history=["Who led the 2016 screening of Kestrel Vale YOS?"]
        ).to_json()
        assert_contract(answer, sample_store)
        assert cited(answer) == [("kestrel_vale_sqs_2016", "Header", None, 3)]
        assert "Carol Whitfield" in answer["answer"]

    def test_a_follow_up_ending_in_it_is_searched_with_the_earlier_question(self, sample_assistant):
        """ "Who chairs it?" after "Tell me about the management board": the board is what
        "it" is, so the earlier words are searched with the question's own."""
        earlier = "Tell me about the YOS management board"
        corpus = sample_assistant.loader.load()
        filters = {"area": "Kestrel Vale"}
        plan = sample_assistant._plan("Who chairs it?", [earlier], filters, corpus)
        assert plan.inherited and plan.search_text == f"Who chairs it? {earlier}"
        own = sample_assistant._plan("Who chairs the board?", [earlier], filters, corpus)
        assert own.search_text == "Who chairs the board?"
        # "it" anywhere in the question points back too ("When did it start, and which agency
        # do we run it with?" after "Tell me about our Turning Point scheme.")
        asked = "How often does it meet, and who sits on it with the police?"
        inside = sample_assistant._plan(asked, [earlier], filters, corpus)
        assert inside.inherited and inside.search_text == f"{asked} {earlier}"

    def test_a_follow_up_about_him_asks_about_the_person_the_last_answer_named(
        self, sample_assistant, sample_store
    ):
        first = "Who attended the MAPPA level 2 meetings in Kestrel Vale in 2016?"
        assert "Keith Marlowe" in sample_assistant.ask(first).to_json()["answer"]
        answer = sample_assistant.ask("What is his role?", history=[first]).to_json()
        assert_contract(answer, sample_store)
        assert cited(answer) == [("kestrel_vale_sqs_2016", "Protecting the public", "2.2", 2)]
        assert "the YOS operational manager, Keith Marlowe" in answer["answer"]
        # asked after no "who" question, "his" is the one person the previous answer named
        # (its MAPPA paragraph names Keith Marlowe); read as the manager's fact, it quoted
        # the copy list's first row
        other = sample_assistant.ask(
            "What is his role?", history=["What did the 2016 Kestrel Vale letter say about MAPPA?"]
        ).to_json()
        assert cited(other) == [("kestrel_vale_sqs_2016", "Protecting the public", "2.2", 2)]
        assert "the YOS operational manager, Keith Marlowe" in other["answer"]

    def test_a_list_named_is_not_a_question_about_the_collection(self, sample_assistant):
        answer = sample_assistant.ask("List all the recommendations for Northfield").to_json()
        assert answer["answer"].startswith(
            "Northfield YOS inspection 2019 lists 5 recommendations:"
        )

    def test_comparison_across_two_inspections_cites_both(self, sample_assistant, sample_store):
        answer = sample_assistant.ask(
            "Did planning improve in Marshbury between its two inspections?"
        ).to_json()
        assert_contract(answer, sample_store)
        assert [c["report_id"] for c in answer["citations"]] == [
            "marshbury_sqs_2014",
            "marshbury_sqs_2016",
        ]
        assert answer["citations"][1]["label"] == "Marshbury SQS 2016 ¶1.2"
        assert answer["answer"].startswith("Each side, in the reports' own words:\n")

    def test_comparison_cites_the_planning_finding_of_each_inspection(self, sample_assistant):
        answer = sample_assistant.ask(
            "Did planning improve in Marshbury between its two inspections?"
        ).to_json()
        assert cited(answer) == [
            ("marshbury_sqs_2014", "Reducing reoffending", "1.2", 2),
            ("marshbury_sqs_2016", "Reducing reoffending", "1.2", 2),
        ]
        assert "average of 11 objectives" in answer["answer"]
        assert "12 of the 15" in answer["answer"]

    def test_two_things_offered_as_alternatives_in_one_report_are_a_side_each(
        self, sample_assistant, sample_store
    ):
        answer = sample_assistant.ask(
            "In Kestrel Vale's 2013 inspection, which came quicker: a first CAMHS appointment "
            "or help from the substance misuse worker?"
        ).to_json()
        assert_contract(answer, sample_store)
        assert [c["label"] for c in answer["citations"]] == [
            "Kestrel Vale FJI 2013 ¶3.2.2",
            "Kestrel Vale FJI 2013 ¶3.3.1",
        ]
        lines = answer["answer"].split("\n")
        assert lines[0] == "Each side, in the reports' own words:"
        assert lines[1].startswith("- **a first CAMHS appointment**: “The waiting list for CAMHS")
        assert "14 weeks" in lines[1]
        assert lines[2].startswith("- **help from the substance misuse worker**: ")
        assert "within 10 working days" in lines[2]

    def test_comparison_of_two_areas(self, sample_assistant, sample_store):
        answer = sample_assistant.ask(
            "Compare MAPPA findings in Marshbury 2014 and Northfield"
        ).to_json()
        assert_contract(answer, sample_store)
        assert [c["report_id"] for c in answer["citations"]] == [
            "marshbury_sqs_2014",
            "northfield_yos_2019",
        ]
        assert cited(answer)[0] == ("marshbury_sqs_2014", "Protecting the public", "2.2", 2)
        assert {r["report_id"] for r in answer["retrieved"]} == {
            "marshbury_sqs_2014",
            "northfield_yos_2019",
        }

    def test_follow_up_takes_the_area_and_year_from_history(self, sample_assistant, sample_store):
        answer = sample_assistant.ask(
            "And what did it say about MAPPA there?",
            history=["What was the reoffending rate in Kestrel Vale in 2016?"],
        ).to_json()
        assert_contract(answer, sample_store)
        assert cited(answer) == [("kestrel_vale_sqs_2016", "Protecting the public", "2.2", 2)]
        assert answer["citations"][0]["label"] == "Kestrel Vale SQS 2016 ¶2.2"
        assert answer["citations"][0]["quote"].startswith(
            "Two young people in the sample met the criteria for MAPPA, and both had been "
            "referred on time."
        )
        assert {r["report_id"] for r in answer["retrieved"]} == {"kestrel_vale_sqs_2016"}

    def test_follow_up_answers_the_new_topic_not_the_earlier_one(self, sample_assistant):
        answer = sample_assistant.ask(
            "And what about enforcement there?",
            history=["What was the reoffending rate in Thurrock?"],
        ).to_json()
        assert cited(answer) == [(THURROCK, "Ensuring that the sentence is served", "4.4", 4)]

    def test_area_not_stored_abstains(self, sample_assistant):
        answer = sample_assistant.ask("What did inspectors find in Brackenford?").to_json()
        assert answer["abstained"] is True and answer["citations"] == []
        assert (
            answer["answer"] == f"{NOT_ANSWERED} The stored reports do not mention 'Brackenford'."
        )

    def test_year_not_stored_abstains_naming_the_stored_years(self, sample_assistant):
        answer = sample_assistant.ask(
            "What did inspectors say about planning in Marshbury in 2018?"
        )
        assert answer.abstained is True and answer.citations == []
        assert answer.answer == (
            f"{NOT_ANSWERED} No stored report covers Marshbury in 2018 (stored: 2014, 2016)."
        )
        # the closest paragraphs, as related, come from the area the question names
        assert {r["report_id"] for r in answer.retrieved} <= {
            "marshbury_sqs_2014",
            "marshbury_sqs_2016",
        }
        assert len(answer.related) == 3

    def test_area_filter_keeps_to_that_area(self, sample_assistant, sample_store):
        answer = sample_assistant.ask(
            "What did inspectors say about planning?", filters={"area": "Kestrel Vale"}
        ).to_json()
        assert_contract(answer, sample_store)
        assert {r["report_id"] for r in answer["retrieved"]} <= {
            "kestrel_vale_fji_2013",
            "kestrel_vale_sqs_2016",
        }
        assert cited(answer)[0] == ("kestrel_vale_fji_2013", "Planning", "1.2.1", 1)
        assert all(c["area"] == "Kestrel Vale" for c in answer["citations"])

    def test_year_filter_keeps_to_those_years(self, sample_assistant, sample_store):
        answer = sample_assistant.ask(
            "What did inspectors say about planning?", filters={"year_from": 2016, "year_to": 2016}
        ).to_json()
        assert_contract(answer, sample_store)
        assert {r["report_id"] for r in answer["retrieved"]} <= {
            "kestrel_vale_sqs_2016",
            "marshbury_sqs_2016",
        }
        # both 2016 letters speak of planning (Kestrel Vale ¶1.2: still weak; Marshbury ¶1.3:
        # children now involved); the query adapter refitted at stop 45 ranks Marshbury's first
        assert cited(answer)[0] == ("marshbury_sqs_2016", "Reducing reoffending", "1.3", 3)
        assert all(c["year"] == 2016 for c in answer["citations"])

    def test_report_ids_filter(self, sample_assistant):
        answer = sample_assistant.ask(
            "What did inspectors say about MAPPA?", filters={"report_ids": ["northfield_yos_2019"]}
        )
        assert {r["report_id"] for r in answer.retrieved} == {"northfield_yos_2019"}
        assert [c.report_id for c in answer.citations] == ["northfield_yos_2019"]

    def test_filter_matching_no_report_abstains(self, sample_assistant):
        answer = sample_assistant.ask(
            "What did inspectors say about planning?", filters={"year_from": 2020}
        )
        assert answer.abstained is True and answer.citations == []
        assert answer.answer == f"{NOT_ANSWERED} No stored report matches the filters."

    @pytest.mark.parametrize(
        ("question", "filters", "allowed"),
        [
            ("What did inspectors say about planning?", {"year_from": 2020}, set()),
            (
                "What did inspectors say about planning in Marshbury?",
                {"area": "Kestrel Vale"},
                {"kestrel_vale_fji_2013", "kestrel_vale_sqs_2016"},
            ),
            (
                "What did inspectors find in Brackenford?",
                {"report_ids": ["northfield_yos_2019"]},
                {"northfield_yos_2019"},
            ),
        ],
        ids=["nothing-matches", "other-area", "unknown-place"],
    )
    def test_abstaining_keeps_to_the_filters(self, sample_assistant, question, filters, allowed):
        answer = sample_assistant.ask(question, filters=filters).to_json()
        assert answer["abstained"] is True
        assert {r["report_id"] for r in answer["retrieved"]} <= allowed
        assert {r["report_id"] for r in answer["related"]} <= allowed

    def test_every_sample_report_is_loaded(self, sample_assistant):
        assert sorted(sample_assistant.loader.load().reports) == SAMPLE_IDS


class TestQuestionChecks:
    @pytest.mark.parametrize("question", ["", "   \n\t"])
    def test_empty_question(self, thurrock_assistant, question):
        with pytest.raises(InvalidQuestion) as err:
            thurrock_assistant.ask(question)
        assert str(err.value) == (
            'question: is empty. Ask a question in words, e.g. "What did inspectors say about '
            'planning?"'
        )

    def test_question_over_2000_characters(self, thurrock_assistant):
        thurrock_assistant.ask("a" * 2000)  # at the limit: answered
        with pytest.raises(InvalidQuestion) as err:
            thurrock_assistant.ask("a" * 2001)
        assert str(err.value) == (
            "question: 2,001 characters is over the 2,000-character limit. Ask a shorter "
            "question; to search for a passage, quote a sentence or two of it."
        )

    def test_empty_history_turn_is_named(self, thurrock_assistant):
        with pytest.raises(InvalidQuestion) as err:
            thurrock_assistant.ask("And in 2015?", history=["What about planning?", " "])
        assert str(err.value).startswith("history[1]: is empty.")


class MisquotingModel:
    """Stands in for an LLM answerer (a service outside the project) that cites two paragraphs
    but misquotes the first: the shape `Assistant` accepts as `answerer`."""

    mode = "llm"

    def answer(self, plan, hits, corpus):
        return Draft(
            text="Planning was excellent everywhere [1]. Enforcement was prompt [2].",
            cited=[
                Cited(hits[1], "Planning was excellent in every case."),
                Cited(hits[0], "Where necessary,  enforcement action\nwas taken promptly."),
            ],
        )


class TestVerify:
    @pytest.fixture
    def corpus(self, thurrock_assistant):
        return thurrock_assistant.loader.load()

    def row(self, corpus, paragraph: str) -> int:
        return next(
            i
            for i, md in enumerate(corpus.metas)
            if md["report_id"] == THURROCK and md.get("paragraph") == paragraph
        )

    def test_misquoted_citation_is_dropped_and_markers_renumbered(self, corpus):
        planning = hit_from_row(corpus, self.row(corpus, "1.3"))
        enforcement = hit_from_row(corpus, self.row(corpus, "4.4"))
        draft = Draft(
            text="Planning was excellent [1]. Enforcement was prompt [2].",
            cited=[
                Cited(planning, "Planning was excellent in every case."),
                Cited(enforcement, "Where necessary, enforcement action was taken promptly."),
            ],
        )
        out = verify(draft, corpus)
        assert out.text == "Planning was excellent . Enforcement was prompt [1]."
        assert out.abstained is False
        assert [(c.hit.paragraph, c.quote) for c in out.cited] == [
            ("4.4", "Where necessary, enforcement action was taken promptly.")
        ]

    def test_a_quotation_shown_under_another_paragraph_s_marker_goes(self, corpus):
        """The citation's own quote is verbatim, but the text quotes paragraph 1.3 under the
        marker of 4.4: the mismatched quotation and its marker go, not just the check."""
        planning = hit_from_row(corpus, self.row(corpus, "1.3"))
        enforcement = hit_from_row(corpus, self.row(corpus, "4.4"))
        quote = "Where necessary, enforcement action was taken promptly."
        draft = Draft(
            text=f"“{quote}” [1]\n\n“{quote}” [2]",
            cited=[Cited(planning, planning.text[:40]), Cited(enforcement, quote)],
        )
        out = verify(draft, corpus)
        assert out.text == f"“{quote}” [1]"
        assert [c.hit.paragraph for c in out.cited] == ["4.4"]

    def test_quote_matches_with_whitespace_normalised(self, corpus):
        hit = hit_from_row(corpus, self.row(corpus, "4.4"))
        draft = Draft(text="x [1]", cited=[Cited(hit, " Where necessary,\n enforcement  ")])
        assert verify(draft, corpus).cited == draft.cited

    def test_citation_without_its_marker_is_dropped(self, corpus):
        a = hit_from_row(corpus, self.row(corpus, "3.3"))
        b = hit_from_row(corpus, self.row(corpus, "4.4"))
        draft = Draft(
            text="Only the second is used [2].",
            cited=[Cited(a, "In two cases"), Cited(b, "enforcement action was taken promptly")],
        )
        out = verify(draft, corpus)
        assert out.text == "Only the second is used [1]."
        assert [c.hit.paragraph for c in out.cited] == ["4.4"]

    def test_nothing_verified_abstains_with_the_cited_paragraphs_as_related(self, corpus):
        hit = hit_from_row(corpus, self.row(corpus, "2.1"))
        draft = Draft(text="Made up [1].", cited=[Cited(hit, "Not in it.")])
        out = verify(draft, corpus)
        assert (out.text, out.abstained, out.cited) == (NOT_ANSWERED, True, [])
        assert [h.paragraph for h in out.related] == ["2.1"]

    def test_assistant_returns_only_verified_citations(self, thurrock_store, embedder):
        assistant = Assistant(thurrock_store, embedder, answerer=MisquotingModel())
        answer = assistant.ask("Was enforcement action taken promptly in Thurrock?").to_json()
        assert answer["mode"] == "llm"
        assert answer["answer"] == "Planning was excellent everywhere . Enforcement was prompt [1]."
        assert cited(answer) == [(THURROCK, "Ensuring that the sentence is served", "4.4", 4)]
        assert answer["citations"][0]["quote"] == (
            "Where necessary,  enforcement action\nwas taken promptly."
        )
        assert_contract(answer, thurrock_store)


class TestLangChainRunnable:
    def test_the_chain_answers_as_ask_does(self, thurrock_assistant):
        from langchain_core.runnables import Runnable

        from retrieval.assistant import ChainState

        question = "Was enforcement action taken promptly in Thurrock?"
        chain = thurrock_assistant.chain
        assert isinstance(chain, Runnable)
        assert [s.name for s in chain.steps] == ["plan", "retrieve", "answer", "verify_citations"]
        via_chain = chain.invoke(ChainState(question, [], {}, 8)).to_json()
        via_ask = thurrock_assistant.ask(question).to_json()
        via_chain.pop("timings_ms"), via_ask.pop("timings_ms")
        assert via_chain == via_ask
        assert via_ask["citations"][0]["label"] == "Thurrock SQS 2015 ¶4.4"


def test_a_follow_up_about_the_person_named_asks_every_report_of_the_area_naming_them():
    """ "And when did he retire?" after "Who was the YOT manager at the 2018 screening?": the
    later report tells it, so the later reports of the area that name him are searched (the
    earlier one is what the previous answer quoted); with none later, every one naming him."""
    from retrieval.assistant import _of_every_report_naming
    from retrieval.corpus import build_corpus
    from retrieval.plan import Plan, Side

    reports = [
        {"report_id": "g18", "area": "Gilder", "year": 2018, "inspection_type": "unknown"},
        {"report_id": "g23", "area": "Gilder", "year": 2023, "inspection_type": "unknown"},
        {"report_id": "o23", "area": "Otter", "year": 2023, "inspection_type": "unknown"},
    ]
    texts = [
        "Horatio Dimmock had been YOT Manager since 2013.",
        "Amy Lee became Head of Service in June 2021, when Horatio Dimmock retired.",
        "Horatio Dimmock chairs the Otter panel.",
    ]
    corpus = build_corpus(
        reports,
        {
            "ids": ["a", "b", "c"],
            "texts": texts,
            "metadatas": [
                {"report_id": r["report_id"], "section": "Staff", "ordinal": 1, "kind": "prose"}
                for r in reports
            ],
        },
    )
    question = "And when did he retire? (Horatio Dimmock)"
    plan = Plan(question, question, [Side("Gilder", ["g18"])], areas=["Gilder"])
    assert _of_every_report_naming(plan, "Horatio Dimmock", corpus).report_ids == ["g23"]
    nobody = _of_every_report_naming(plan, "Zelda Quint", corpus)
    assert nobody.report_ids == ["g18"]
    later = Plan(question, question, [Side("Gilder", ["g23"])], areas=["Gilder"])
    assert _of_every_report_naming(later, "Horatio Dimmock", corpus).report_ids == ["g18", "g23"]


def test_the_people_a_quote_names_are_read_in_order():
    from retrieval.assistant import _people_named

    quote = "Amy Lee became Head of Service in 2021, when Horatio Dimmock retired."
    assert _people_named(quote, set()) == ["Amy Lee", "Horatio Dimmock"]
    assert _people_named("The board met every quarter.", set()) == []


class TestYourArea:
    """FINDINGS_AREA (`Assistant(home_area=…)`): a question that names no area is asked of the
    user's own; one that names an area, a filter or a follow-up keeps its own scope; every
    area-less answer says which area it was about (`scope_note`)."""

    PLANNING = "What did inspectors say about our planning?"

    def test_a_question_naming_no_area_is_asked_of_your_area(self, sample_store, embedder):
        answer = Assistant(sample_store, embedder, home_area="marshbury").ask(self.PLANNING)
        assert {r["report_id"] for r in answer.retrieved} <= {
            "marshbury_sqs_2014",
            "marshbury_sqs_2016",
        }
        assert cited(answer.to_json())[0] == (
            "marshbury_sqs_2014",
            "Reducing reoffending",
            "1.2",
            2,
        )
        assert answer.scope_note == (
            "Asked of Marshbury, your area (FINDINGS_AREA): the question names none."
        )
        assert answer.to_json()["scope_note"] == answer.scope_note

    def test_a_question_naming_an_area_is_asked_of_that_area(self, sample_store, embedder):
        answer = Assistant(sample_store, embedder, home_area="Marshbury").ask(
            "What did inspectors say about planning in Thurrock?"
        )
        assert cited(answer.to_json())[0] == ("thurrock_sqs_2015", "Reducing reoffending", "1.3", 3)
        assert answer.scope_note is None
        assert "scope_note" not in answer.to_json()

    def test_an_area_filter_overrides_your_area(self, sample_store, embedder):
        answer = Assistant(sample_store, embedder, home_area="Marshbury").ask(
            self.PLANNING, filters={"area": "Kestrel Vale"}
        )
        assert cited(answer.to_json())[0] == ("kestrel_vale_fji_2013", "Planning", "1.2.1", 1)
        assert answer.scope_note is None

    def test_a_follow_up_keeps_the_area_of_the_conversation(self, sample_store, embedder):
        answer = Assistant(sample_store, embedder, home_area="Marshbury").ask(
            "And what about MAPPA?",
            history=["What did the Northfield inspection say about planning?"],
        )
        assert {c.report_id for c in answer.citations} == {"northfield_yos_2019"}
        assert answer.scope_note is None

    def test_a_follow_up_of_an_area_less_question_stays_in_your_area(self, sample_store, embedder):
        """ "And in 2014?" after "…our planning in 2016?": your area in 2014, which no stored
        report covers (not another area's 2014 letter)."""
        answer = Assistant(sample_store, embedder, home_area="Northfield").ask(
            "And in 2014?", history=["What did inspectors say about our planning in 2016?"]
        )
        assert answer.abstained and answer.citations == []
        assert answer.answer == (
            "The reports do not answer this question. No stored report covers Northfield in "
            "2014 (stored: 2019)."
        )

    def test_a_follow_up_of_a_question_naming_an_area_keeps_it(self, sample_store, embedder):
        answer = Assistant(sample_store, embedder, home_area="Marshbury").ask(
            "Who wrote it?", history=["What did the Thurrock letter say about planning?"]
        )
        assert {c.report_id for c in answer.citations} == {"thurrock_sqs_2015"}
        assert answer.scope_note is None

    def test_an_area_not_stored_is_named_with_the_areas_that_are(self, sample_store, embedder):
        answer = Assistant(sample_store, embedder, home_area="Atlantis").ask(self.PLANNING)
        assert answer.scope_note == (
            "FINDINGS_AREA is 'Atlantis', which no stored report is about, so the question was "
            "asked of every report. Set it to one of: Kestrel Vale, Marshbury, Northfield, "
            "Thurrock."
        )
        assert cited(answer.to_json())[0] == ("kestrel_vale_fji_2013", "Planning", "1.2.1", 1)

    def test_without_your_area_an_answer_from_one_area_of_many_says_so(self, sample_assistant):
        answer = sample_assistant.ask(self.PLANNING)
        assert {c.report_id for c in answer.citations} == {"kestrel_vale_fji_2013"}
        assert answer.scope_note == (
            "The question names no area: this answer draws on Kestrel Vale's reports only, and "
            "the store holds reports on 4 areas. To ask about another, name it or choose it "
            "under Area (`--area`); set FINDINGS_AREA to make your own the default."
        )

    def test_one_area_stored_needs_no_note(self, thurrock_assistant):
        assert thurrock_assistant.ask("What did inspectors say about planning?").scope_note is None


def test_a_change_asked_of_a_letter_that_grades_nothing_is_told_in_its_words(sample_assistant):
    """ "And was it any better by 2016?" after a question about a 2013 score: the 2016 screening
    letter gives no grades or scores, so its words tell the change; it used to be "the report
    does not say" on that side, and the whole answer abstained."""
    answer = sample_assistant.ask(
        "And was it any better by 2016?",
        history=["What score did Kestrel Vale get for safeguarding work in 2013?"],
    )
    assert not answer.abstained
    assert [(c.report_id, c.paragraph, c.quote) for c in answer.citations][0] == (
        "kestrel_vale_sqs_2016",
        "3.1",
        "Safeguarding needs were identified well, and child protection procedures were "
        "followed where necessary.",
    )


def test_a_follow_up_about_her_is_answered_by_a_passage_naming_her(tmp_path, embedder):
    """ "When was she appointed?" after "Who is in charge of the service now?": the head of
    service named in the answer was appointed in 2019; a paragraph on two other posts
    "appointed in 2020" was quoted."""
    from retrieval_fixtures import _ingest

    report = tmp_path / "reports" / "dunmere_yjs_2023.md"
    report.parent.mkdir()
    report.write_text(
        "# Inspection of youth justice services in Dunmere\n\n"
        "## Governance and leadership\n\n"
        "1.1.1 The Head of Service, Joanna Petrakis, was appointed in 2019. She has a clear "
        "vision for a child-first service.\n\n"
        "1.1.2 The partnership board meets every two months.\n\n"
        "## Staff\n\n"
        "1.2.1 Two education coordinators were appointed in 2020, and a speech and language "
        "therapist has been part of the team since September 2020.\n"
    )
    assistant = Assistant(_ingest(tmp_path, embedder, [report.parent]), embedder)
    first = "Who is the head of service in Dunmere now?"
    assert "Joanna Petrakis" in assistant.ask(first).to_json()["answer"]
    answer = assistant.ask("When was she appointed?", history=[first]).to_json()
    assert cited(answer)[0] == ("dunmere_yjs_2023", "Governance and leadership", "1.1.1", 1)
    # the year she was appointed in, in bold (a year after "in" answers "when")
    assert answer["answer"].startswith(
        "**2019** — “The Head of Service, Joanna Petrakis, was appointed in 2019."
    )


@pytest.mark.parametrize(
    "question",
    [
        "What is the name of the offending behaviour course in Kestrel Vale?",
        "What's the name of the programme kids do to stop reoffending in Kestrel Vale?",
    ],
)
def test_the_name_of_a_thing_asked_in_other_words_is_no_role_to_be_named(
    sample_assistant, question
):
    """ "What's the name of the <thing>?" asks for a thing's name, not who holds a role: the
    asker's words for it ("course", "programme kids do") need not be the report's, and the
    answer was "No paragraph found names the offending behaviour course"."""
    answer = sample_assistant.ask(question)
    assert not answer.abstained
    assert [(c.report_id, c.paragraph, c.quote) for c in answer.citations][0] == (
        "kestrel_vale_fji_2013",
        "1.3.1",
        "A wide range of interventions was available, including an offending behaviour "
        "programme called 'Turning Point' and a motor vehicle project run with Kestrel Vale "
        "Fire and Rescue Service.",
    )


def test_a_when_question_in_other_words_is_dated_by_the_passage_closest_in_meaning(
    tmp_path, embedder
):
    """ "When did the service switch to its current case recording software?": no dated
    sentence shares a word with it ("the Sentinel case management system, introduced in
    November 2020"), and the first passage that began something ("since September 2019", a
    therapist) was quoted; the dated passage closest in meaning answers. A header field's date
    ("Fieldwork dates") dates only the inspection."""
    from retrieval_fixtures import _ingest

    report = tmp_path / "reports" / "dunmere_yjs_2023.md"
    report.parent.mkdir()
    report.write_text(
        "# Inspection of youth justice services in Dunmere\n\n"
        "Fieldwork dates: 13-17 March 2023\n\n"
        "## Staff\n\n"
        "1.2.1 The YJS has enough staff to do its work well. Case managers held an average of "
        "nine children each.\n\n"
        "## Partnerships and services\n\n"
        "1.3.1 A speech and language therapist, Maeve Tolland, has worked with the YJS for "
        "three days a week since September 2019.\n\n"
        "## Information and facilities\n\n"
        "1.4.1 The Sentinel case management system, introduced in November 2020, is well "
        "understood by staff. Managers audit ten cases each month.\n"
    )
    assistant = Assistant(_ingest(tmp_path, embedder, [report.parent]), embedder)
    answer = assistant.ask(
        "When did the service switch to its current case recording software?"
    ).to_json()
    assert cited(answer)[0] == ("dunmere_yjs_2023", "Information and facilities", "1.4.1", 1)
    assert answer["answer"].startswith(
        "**November 2020** — “The Sentinel case management system, introduced in November 2020"
    )


def test_a_when_question_in_acronyms_is_dated_by_the_sentence_that_spells_them_out(
    tmp_path, embedder
):
    """ "When did the YOS become the YJS?": the sentence dating the change spells both out
    ("Youth Offending Service was renamed … Youth Justice Service in September 2019") and so
    shared no word with the question; a sentence printing "YJS" and a date was quoted."""
    from retrieval_fixtures import _ingest

    report = tmp_path / "reports" / "dunmere_yjs_2023.md"
    report.parent.mkdir()
    report.write_text(
        "# Inspection of youth justice services in Dunmere\n\n"
        "## Background\n\n"
        "Dunmere Youth Offending Service (YOS) was renamed Dunmere Youth Justice Service in "
        "September 2019. It sits within the Children and Families directorate.\n\n"
        "## Partnerships and services\n\n"
        "1.3.3 Children referred by the Youth Justice Service (YJS) waited 19 weeks for a "
        "specialist assessment, and the seconded CAMHS nurse post had been vacant since "
        "February 2022.\n"
    )
    assistant = Assistant(_ingest(tmp_path, embedder, [report.parent]), embedder)
    answer = assistant.ask("When did the YOS become the YJS?").to_json()
    assert cited(answer)[0] == ("dunmere_yjs_2023", "Background", None, 1)
    assert answer["answer"].startswith("**September 2019** — “Dunmere Youth Offending Service")


def test_who_a_letter_was_copied_to_lists_the_rows_under_its_copy_to_label(tmp_path, embedder):
    """ "Who got a copy of the letter?": the copy list sits under a "Copy to:" label line (no
    heading, in a format that marks its headings), and no row says "copy": the label now heads
    the rows, and the answer lists them all (it named one person, the row ranked first)."""
    from retrieval_fixtures import _ingest

    report = tmp_path / "reports" / "dunmere_sqs_2018.html"
    report.parent.mkdir()
    rows = [
        ("Chief Executive, Dunmere Council", "Alastair Kemble"),
        ("Director of Children's Services", "Priya Venkatesan"),
        ("Police and Crime Commissioner", "Colin Fairweather"),
    ]
    report.write_text(
        "<html><body><h1>Short Quality Screening of youth offending work in Dunmere</h1>"
        "<p>20 November 2018</p><h2>Next steps</h2><p>We will publish a summary of these findings on our website.</p>"
        "<p>Yours sincerely</p><p>Marian Tollervey HM Inspector and Lead Inspector</p>"
        "<p>Copy to:</p><table>"
        + "".join(f"<tr><td>{role}</td><td>{name}</td></tr>" for role, name in rows)
        + "</table></body></html>"
    )
    assistant = Assistant(_ingest(tmp_path, embedder, [report.parent]), embedder)
    answer = assistant.ask("Who got a copy of the 2018 screening letter?").to_json()
    assert [(c["section"], c["quote"]) for c in answer["citations"]] == [
        ("Copy to", f"{role} | {name}") for role, name in rows
    ]
    assert answer["answer"].startswith("Dunmere SQS 2018 lists 3 under “Copy to”:")
    # a row naming what is asked is the answer itself
    answer = assistant.ask("Who is the Police and Crime Commissioner in Dunmere?").to_json()
    assert answer["answer"].startswith("**Colin Fairweather**")
    # and the row naming it in full, where the question says "the PCC" (the lexicon's glossary:
    # the whole list was given, then the lead inspector)
    answer = assistant.ask("Who was the PCC the 2018 letter was copied to?")
    assert [c["quote"] for c in answer.to_json()["citations"]] == [
        "Police and Crime Commissioner | Colin Fairweather"
    ]


def _over(tmp_path, embedder, reports: dict[str, str]) -> Assistant:
    """An assistant over a store of the given reports (file name -> text), ingested for real."""
    from retrieval_fixtures import _ingest

    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in reports.items():
        (folder / name).write_text(text)
    return Assistant(_ingest(tmp_path, embedder, [folder]), embedder)


def test_questions_in_the_asker_s_words_about_a_letter_and_its_follow_up(tmp_path, embedder):
    """Asked as users ask (tune36): a budget printed after a currency's code ("GBP 2.41
    million" was no sum of money: abstained); a share ("what proportion … went on to
    reoffend": the "100,000" of a rate per 100,000 children was bolded); a role named before
    "their name" (the board chair's paragraph was quoted); a "YOI"; "the latest inspection" in a
    follow-up (the earlier letter was quoted again); "Overall, how did …" (its "overall", a word
    of the later report's headings, was a topic the letter lacked: abstained)."""
    assistant = _over(
        tmp_path,
        embedder,
        {
            "dunmere_sqs_2017.md": (
                "# Short Quality Screening of youth offending work in Dunmere\n\n"
                "Date: 14 November 2017\n\n"
                "## Protecting the public\n\n"
                "2.1 Plans to manage risk of harm were sufficient in only 11 of the 21 cases, and "
                "contingency plans were weak.\n\n"
                "2.2 Two children met the criteria for MAPPA. One referral was made late, and the YOS "
                "has no written protocol with the MAPPA coordinator.\n\n"
                "## Protecting the child or young person\n\n"
                "3.1 Case managers visited the four children held at Ravensholme Young Offender "
                "Institution at least once a month.\n\n"
                "## Copy to\n\n"
                "| Role | Name |\n|---|---|\n"
                "| Chief Executive, Dunmere Council | Duncan Ferrier |\n"
                "| Police and Crime Commissioner for Dunmere | Gwen Alderton |\n"
                "| Chair, YOS Management Board | Detective Superintendent Alan Brierley |\n"
            ),
            "dunmere_yjs_2023.md": (
                "# Inspection of youth justice services in Dunmere\n\n"
                "Published: 20 June 2023\n\n"
                "## Overall rating\n\nDunmere YJS is rated Good.\n\n"
                "## Key facts\n\n"
                "GBP 2.41 million YJS budget for 2022/23\n\n"
                "The reoffending rate for children in Dunmere was 36.8 per cent for the cohort of "
                "October 2020 to September 2021. The rate of first-time entrants has fallen from 312 "
                "per 100,000 children in 2017 to 148 per 100,000.\n\n"
                "## Implementation and delivery\n\n"
                "2.3.3 MAPPA arrangements are now sound. A protocol with the MAPPA coordinator was "
                "agreed in February 2019.\n\n"
                "## Partnerships and services\n\n"
                "1.3.2 A CAMHS nurse has been seconded to the YJS since June 2021, but children waited "
                "an average of 11 weeks for an assessment.\n"
            ),
        },
    )
    answer = assistant.ask("dunmere youth justice budget 2022/23").to_json()
    assert answer["answer"].startswith("**GBP 2.41 million** — “GBP 2.41 million YJS budget")
    answer = assistant.ask("what proportion of dunmere children went on to reoffend, in 2023")
    assert answer.to_json()["answer"].startswith(
        "**36.8 per cent** — “The reoffending rate for children in Dunmere was 36.8 per cent"
    )
    answer = assistant.ask("The 2017 letter was copied to the PCC - what was their name?")
    assert [c["quote"] for c in answer.to_json()["citations"]] == [
        "Police and Crime Commissioner for Dunmere | Gwen Alderton"
    ]
    answer = assistant.ask("Which YOI were our children held in at the 2017 visit?").to_json()
    assert cited(answer)[0] == (
        "dunmere_sqs_2017",
        "Protecting the child or young person",
        "3.1",
        1,
    )
    answer = assistant.ask(
        "And what about in the latest inspection?",
        history=["What did the 2017 Dunmere letter say about MAPPA?"],
    ).to_json()
    assert cited(answer)[0] == ("dunmere_yjs_2023", "Implementation and delivery", "2.3.3", 1)
    answer = assistant.ask(
        "Overall, how did the 2017 Dunmere screening judge our public protection work?"
    ).to_json()
    assert not answer["abstained"]
    assert cited(answer)[0][:2] == ("dunmere_sqs_2017", "Protecting the public")


@pytest.mark.parametrize(
    "question",
    [
        # a share none prints: "11 of the 21 cases" is a share of other things (it was "21")
        "What percentage of Dunmere children were in education, training or employment in 2017?",
        # an average count none prints (the count of another thing was bolded)
        "How many cases did each Dunmere case manager hold on average in 2017?",
        # the budget's size, of a letter that prints no sum (a count of hours was bolded)
        "How big was the Dunmere youth offending service's budget in 2017?",
        # a person named by a role before a participle ("seconded"): no passage names them
        "What's the name of the CAMHS nurse seconded to the Dunmere team?",
    ],
)
def test_a_share_an_average_a_budget_or_a_name_none_prints_is_not_answered(
    tmp_path, embedder, question
):
    assistant = _over(
        tmp_path,
        embedder,
        {
            "dunmere_sqs_2017.md": (
                "# Short Quality Screening of youth offending work in Dunmere\n\n"
                "Date: 14 November 2017\n\n"
                "We examined a sample of 21 cases: 17 referral orders and youth rehabilitation orders, "
                "and 4 detention and training orders.\n\n"
                "## Reducing reoffending\n\n"
                "1.1 Plans were sufficient in 11 of the 21 cases.\n\n"
                "1.2 Five children were receiving fewer than 25 hours of education a week.\n\n"
                "1.3 The CAMHS worker left in March 2017 and the post was vacant.\n"
            ),
            "dunmere_yjs_2023.md": (
                "# Inspection of youth justice services in Dunmere\n\n"
                "## Key facts\n\nGBP 2.41 million YJS budget for 2022/23\n\n"
                "## Partnerships and services\n\n"
                "1.3.2 A CAMHS nurse has been seconded to the YJS since June 2021, but children waited "
                "an average of 11 weeks for an assessment.\n"
            ),
        },
    )
    answer = assistant.ask(question).to_json()
    assert answer["abstained"], answer["answer"]
    assert answer["citations"] == []


def test_a_count_of_a_kind_a_heading_names_is_not_the_count_of_another(tmp_path, embedder):
    """ "How many out-of-court cases were looked at?" read as the cases inspected: the fact's
    passage counts the court cases ("We inspected 26 cases … a court disposal"; 26 was bolded),
    and never says "out-of-court": the passage that counts those answers."""
    assistant = _over(
        tmp_path,
        embedder,
        {
            "dunmere_yjs_2023.md": (
                "# Inspection of youth justice services in Dunmere\n\n"
                "## Court disposals\n\n"
                "We inspected 26 cases managed by the YJS that had received a court disposal. These "
                "included 19 referral orders.\n\n"
                "## Out-of-court disposals\n\n"
                "We inspected 22 out-of-court disposals. These were made up of 13 youth cautions and "
                "nine youth conditional cautions.\n"
            ),
        },
    )
    answer = assistant.ask("How many out-of-court cases were looked at in Dunmere?").to_json()
    assert answer["answer"].startswith("**22** — “We inspected 22 out-of-court disposals.")
    assert cited(answer)[0][:2] == ("dunmere_yjs_2023", "Out-of-court disposals")


def test_a_score_out_of_a_maximum_is_the_overall_score(tmp_path, embedder):
    """ "what did we score out of 36 at the 2023 inspection", read as no grade question: the
    note on how standards are scored was quoted; the score the report prints answers."""
    assistant = _over(
        tmp_path,
        embedder,
        {
            "dunmere_yjs_2023.md": (
                "# Inspection of youth justice services in Dunmere\n\n"
                "## Ratings\n\n"
                "| Standard | Rating |\n|---|---|\n"
                "| Dunmere Youth Justice Service | Score 17/36 |\n"
                "| Overall rating | Requires improvement |\n"
                "| 1.1 Governance and leadership | Requires improvement |\n\n"
                "Each standard is scored as follows: Outstanding 3, Good 2, Requires improvement 1, "
                "Inadequate 0. The overall score is the total across the twelve standards.\n"
            ),
        },
    )
    answer = assistant.ask("what did we score out of 36 at the 2023 Dunmere inspection").to_json()
    assert answer["answer"].startswith("**17/36** — “Dunmere Youth Justice Service | Score 17/36”")


def test_a_grade_asked_yes_or_no_of_the_whole_service_is_its_overall_grade(tmp_path, embedder):
    """ "Was Dunmere YJS rated Good overall?" listed the standards rated Good (the grade named
    made it a question of which standards had it); the service's own grade answers."""
    assistant = _over(
        tmp_path,
        embedder,
        {
            "dunmere_yjs_2023.md": (
                "# Inspection of youth justice services in Dunmere\n\n"
                "## Foreword\n\n"
                "Overall, Dunmere Youth Justice Service was rated as 'Requires improvement'.\n\n"
                "## Ratings\n\n"
                "| Standard | Rating |\n|---|---|\n"
                "| Overall rating | Requires improvement |\n"
                "| 1.1 Governance and leadership | Good |\n"
                "| 1.2 Staff | Good |\n\n"
                "## 1.2 Staff\n\nWe rated staff as 'Good'. Caseloads are manageable.\n"
            ),
        },
    )
    answer = assistant.ask("Was Dunmere YJS rated Good overall in 2023?").to_json()
    assert answer["answer"].startswith("**Requires improvement**")
    assert "Staff" not in answer["answer"]


def test_a_copy_list_printed_as_lines_is_listed_whole(tmp_path, embedder):
    """A letter printed to PDF by a browser loses the copy list's table: each name is a line of
    prose under "Copy to". "Who was the 2016 letter copied to?" lists every line (it gave the
    first name alone: that line prints the area the question names, which is no word of its
    own)."""
    from retrieval_fixtures import _ingest

    report = tmp_path / "reports" / "dunmere_sqs_2016.md"
    report.parent.mkdir()
    lines = [
        "Alastair Kemble, Chief Executive, Dunmere Borough Council",
        "Priya Venkatesan, Director of Children's Services, Dunmere Borough Council",
        "Colin Fairweather, Police and Crime Commissioner",
    ]
    report.write_text(
        "# Short Quality Screening of youth offending work in Dunmere\n\n20 November 2016\n\n"
        "## Next steps\n\nWe will publish a summary of these findings on our website.\n\n"
        "Yours sincerely\n\nMarian Tollervey, HM Inspector\n\n## Copy to\n\n"
        + "\n\n".join(lines)
        + "\n"
    )
    assistant = Assistant(_ingest(tmp_path, embedder, [report.parent]), embedder)
    answer = assistant.ask("Who was the Dunmere 2016 letter copied to?").to_json()
    assert [(c["section"], c["quote"]) for c in answer["citations"]] == [
        ("Copy to", line) for line in lines
    ]
    assert answer["answer"].startswith("Dunmere SQS 2016 lists 3 under “Copy to”:")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the police's part none prints: the total, or the council's part, is no answer
        ("How much of the Dunmere YJS budget came from the police?", None),
        ("What share of Dunmere's budget came from the police compared with the council?", None),
        # the council's part, printed as the local authority's, of the money asked as "funding"
        ("What share of Dunmere's funding is paid by the council?", "58%"),
    ],
)
def test_a_sum_asked_of_who_gave_it_is_told_by_a_sentence_naming_the_giver(
    tmp_path, embedder, question, expected
):
    """ "How much of the budget came from the police?" was answered with the whole budget (nine
    tuning unanswerables); a share "paid by the council" was not found where the report says
    "came from the local authority" (the council was a topic the reports lacked)."""
    assistant = _over(
        tmp_path,
        embedder,
        {
            "dunmere_yjs_2023.md": (
                "# Inspection of youth justice services in Dunmere\n\n"
                "## Key facts\n\n"
                "£2,364,000 total budget for 2022/23, of which 58% came from the local authority\n\n"
                "## Partnerships and services\n\n"
                "1.3.1 A specialist education adviser, funded by the local authority, joined the "
                "service in June 2021. Of the 30 children in our sample, 19 were in full-time "
                "education.\n\n"
                "1.3.2 The joint decision-making panel with Dunmere Police meets weekly.\n"
            ),
        },
    )
    answer = assistant.ask(question).to_json()
    if expected is None:
        assert answer["abstained"], answer["answer"]
        assert answer["citations"] == []
    else:
        assert answer["answer"].startswith(f"**{expected}** — “£2,364,000 total budget"), answer
        assert cited(answer)[0] == ("dunmere_yjs_2023", "Key facts", None, 1)


_DUNMERE_RATED = (
    "# Inspection of youth justice services in Dunmere\n\n"
    "## Ratings\n\n"
    "| Standard | Rating |\n| --- | --- |\n"
    "| 2.2 Planning | Requires improvement |\n"
    "| 4.1 Resettlement policy and provision | Inadequate |\n\n"
    "## Staff\n\n"
    "1.1 Staff turnover is low. Four staff left the service in 2022, and two posts were "
    "vacant.\n\n"
    "## Planning\n\n"
    "Our rating for planning is: Requires improvement\n\n"
    "2.1 Planning to keep other people safe was sufficient in only nine of the 18 cases, and "
    "contingency plans were often generic.\n\n"
    "## Resettlement policy and provision\n\n"
    "4.1 Dunmere Youth Justice Service has no resettlement policy, and the board has not "
    "considered how partners should support children leaving custody.\n\n"
    "4.2 Four children were released from custody during the year; two went to bed and "
    "breakfast accommodation.\n"
)


@pytest.mark.parametrize(
    ("question", "earlier", "expected"),
    [
        # the standard's part, its paragraphs numbered as the chapter's (4.1, not 4.1.1)
        (
            "Why so low?",
            "What rating did Dunmere get for resettlement policy and provision in 2023?",
            ("Resettlement policy and provision", "4.1"),
        ),
        # a grade heading its own part ("Our rating for planning is: …") gives no reasons
        (
            "And why was that?",
            "What rating did Dunmere get for planning in 2023?",
            ("Planning", "2.1"),
        ),
    ],
)
def test_why_after_a_grade_is_answered_by_the_standard_s_own_part(
    tmp_path, embedder, question, earlier, expected
):
    """ "Why so low?" after a grade question was searched in its own words ("Staff turnover is
    low" was quoted); "And why was that?" was read as asking no reasons, and the grade line
    heading the standard's part was quoted with none (seven tuning follow-ups)."""
    assistant = _over(tmp_path, embedder, {"dunmere_yjs_2023.md": _DUNMERE_RATED})
    answer = assistant.ask(question, history=[earlier]).to_json()
    assert not answer["abstained"], answer["answer"]
    assert cited(answer)[0][1:3] == expected, answer["answer"]
