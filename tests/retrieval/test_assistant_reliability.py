"""retrieval/assistant.py under hostile or careless use: answers never cite a report removed
before the question was asked (another process removed it), exact identifiers must match,
bad input fields are refused by name, and no quote is giant. Real stores, the real model."""

from __future__ import annotations

import subprocess

import pytest
from conftest import DATA, findings_cmd, subprocess_env

from findings.errors import InvalidQuestion
from findings.settings import get_settings
from ingest.pipeline import Ingester
from retrieval.answer import QUOTE_CAP
from retrieval.assistant import Assistant
from store.chroma import ChromaStore

RATE_2015 = "What was the reoffending rate in Alderton in 2015?"

TEAMS = """Report of Short Quality Screening (SQS) of youth offending work in Dunmore

Publication date: 12 March 2016

Summary

Panel meetings were held across the service and their decisions were recorded.

Notes

Note 1: Team 4319 held its referral order panel meetings weekly and recorded every decision.
Note 2: Team 4321 had not held a referral order panel meeting since January.
"""


def ingest(store, embedder, paths) -> None:
    summary = Ingester(store, embedder, get_settings()).run(paths)
    assert summary.failed == [], summary.failed


def shown_reports(answer) -> set[str]:
    return (
        {c.report_id for c in answer.citations}
        | {r["report_id"] for r in answer.retrieved}
        | {r["report_id"] for r in answer.related}
    )


class TestNoStaleCitations:
    @pytest.mark.slow
    def test_a_report_removed_by_another_process_is_never_cited_after(self, tmp_path, embedder):
        store = ChromaStore(tmp_path / "store", model_slug=embedder.model_slug)
        ingest(store, embedder, [DATA])
        assistant = Assistant(store, embedder)
        first = assistant.ask(RATE_2015)
        assert first.citations[0].report_id == "alderton_sqs_2015"
        removed = subprocess.run(
            findings_cmd("remove", "alderton_sqs_2015", "--store", str(store.path)),
            env=subprocess_env(),
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert removed.returncode == 0, removed.stderr
        after = assistant.ask(RATE_2015)  # at once: no wait for a cache to expire
        assert "alderton_sqs_2015" not in shown_reports(after)
        assert after.abstained is True
        assert after.answer == (
            "The reports do not answer this question. No stored report covers Alderton in "
            "2015 (stored: 2017)."
        )

    def test_server_mode_checks_the_cited_reports_before_answering(
        self, tmp_path, embedder, chroma_server
    ):
        store = ChromaStore(url=chroma_server, model_slug=embedder.model_slug)
        ingest(store, embedder, [DATA])
        assistant = Assistant(store, embedder)
        assistant.loader.recheck_s = 3600  # the corpus would stay stale for an hour
        assert assistant.ask(RATE_2015).citations[0].report_id == "alderton_sqs_2015"
        other = ChromaStore(url=chroma_server, model_slug=embedder.model_slug)
        other.remove(["alderton_sqs_2015"])  # another client
        after = assistant.ask(RATE_2015)
        assert "alderton_sqs_2015" not in shown_reports(after)
        assert after.abstained is True


class TestExactIdentifiers:
    @pytest.fixture(scope="class")
    @classmethod
    def assistant(cls, tmp_path_factory, embedder):
        folder = tmp_path_factory.mktemp("teams")
        (folder / "dunmore_sqs_2016.txt").write_text(TEAMS)
        with pytest.MonkeyPatch.context() as mp:
            mp.chdir(folder)
            store = ChromaStore(folder / "store", model_slug=embedder.model_slug)
            ingest(store, embedder, [folder / "dunmore_sqs_2016.txt"])
        return Assistant(store, embedder)

    def test_the_team_asked_about_not_its_neighbour(self, assistant):
        answer = assistant.ask("What did the note say about team 4321?")
        assert answer.abstained is False
        assert [(c.section, c.ordinal, c.quote) for c in answer.citations] == [
            (
                "Notes",
                2,
                "Note 2: Team 4321 had not held a referral order panel meeting since January.",
            )
        ]

    def test_a_number_no_report_prints_abstains(self, assistant):
        answer = assistant.ask("Did team 4325 hold its referral order panel meetings weekly?")
        assert answer.abstained is True and answer.citations == []
        assert answer.answer == (
            "The reports do not answer this question. The reports searched do not mention '4325'."
        )


class TestInputFields:
    @pytest.fixture(scope="class")
    @classmethod
    def assistant(cls, tmp_path_factory, embedder):
        store = ChromaStore(tmp_path_factory.mktemp("fields") / "s", model_slug="x")
        return Assistant(store, embedder)

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"history": 5}, "history: must be a list of earlier questions (strings), not int."),
            ({"history": [3]}, "history[0]: must be text, not int. Ask a question in words."),
            (
                {"filters": "x"},
                'filters: must be an object such as {"area": "Thurrock", "year_from": 2014}, '
                "not str.",
            ),
            (
                {"filters": {"year_from": "abc"}},
                "filters.year_from: must be a year such as 2016, not 'abc'.",
            ),
            (
                {"filters": {"report_ids": "thurrock_sqs_2015"}},
                'filters.report_ids: must be a list of report ids such as ["thurrock_sqs_2015"], '
                "not 'thurrock_sqs_2015'.",
            ),
            (
                {"filters": {"colour": "red"}},
                "filters.colour: is not a filter. Use area, inspection_type, year_from, year_to, "
                "report_ids.",
            ),
        ],
    )
    def test_bad_fields_are_named(self, assistant, kwargs, message):
        with pytest.raises(InvalidQuestion) as err:
            assistant.ask("What was found?", **kwargs)
        assert str(err.value) == message

    def test_unencodable_text(self, assistant):
        with pytest.raises(InvalidQuestion) as err:
            assistant.ask("What was found \ud800?")
        assert str(err.value) == (
            "question: holds a character that is not valid text ('\\ud800' at position 15, an "
            "unpaired surrogate). Send the question as UTF-8 text."
        )

    def test_years_as_digit_strings_are_years(self, assistant):
        from retrieval.assistant import check_filters

        assert check_filters({"year_from": "2014", "year_to": 2016, "area": None}) == {
            "year_from": 2014,
            "year_to": 2016,
        }


class TestQuoteLength:
    def test_a_giant_sentence_is_quoted_by_a_verbatim_prefix(self, tmp_path, embedder):
        giant = "Planning " + "was thorough and " * 2000 + "timely."
        (tmp_path / "kelby_sqs_2016.txt").write_text(
            "Report of Short Quality Screening (SQS) of youth offending work in Kelby\n\n"
            "Publication date: 1 June 2016\n\nSummary\n\n" + giant + "\n"
        )
        store = ChromaStore(tmp_path / "store", model_slug=embedder.model_slug)
        ingest(store, embedder, [tmp_path / "kelby_sqs_2016.txt"])
        answer = Assistant(store, embedder).ask("Was planning in Kelby thorough?")
        quote = answer.citations[0].quote
        assert len(quote) <= QUOTE_CAP
        assert quote.startswith("Planning was thorough and")
        assert giant.startswith(quote)
        assert len(answer.answer) < 2 * QUOTE_CAP
