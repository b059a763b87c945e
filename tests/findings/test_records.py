"""findings/records.py: report ids (CONTRACT rule for ASCII names, readable distinct ids for the
rest) and the abstention text."""

from __future__ import annotations

import pytest

from findings.records import Abstention, report_id_for
from findings.vocab import AbstainReason


@pytest.mark.parametrize(
    ("name", "rid"),
    [
        ("Thurrock SQS 2015.pdf", "thurrock_sqs_2015"),
        ("marshbury_sqs_2016.txt", "marshbury_sqs_2016"),
        ("--Odd  Name!!.md", "_odd_name_"),  # the CONTRACT rule, kept exactly for ASCII names
        ("Ñandú 2016.txt", "nandu_2016"),  # transliterated
        ("Café.txt", "cafe"),
        ("日本.txt", "report_cf2abf0c"),  # no ASCII spelling: a short hash of the name
        ("中国.md", "report_f0e95216"),
        ("日本 2016.txt", "2016_beba6d7c"),
    ],
)
def test_report_id_for(name, rid):
    assert report_id_for(name) == rid


def test_names_without_ascii_letters_get_distinct_ids():
    names = ["日本.txt", "中国.md", "東京.txt", "日本 2016.txt", "中国 2016.txt"]
    assert len({report_id_for(n) for n in names}) == len(names)


def test_abstention_text():
    assert Abstention(AbstainReason.NO_SUPPORTING_PASSAGE).text == (
        "The reports do not answer this question."
    )
    assert Abstention(AbstainReason.NAME_NOT_PRINTED, "No 'X' here.").text == (
        "The reports do not answer this question. No 'X' here."
    )
