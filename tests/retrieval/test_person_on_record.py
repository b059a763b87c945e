"""A comparison of who held a post, one side's passage naming no one (retrieval.answer
`_person_on_record`), on a small hand-built corpus: `build_corpus` takes plain rows."""

from __future__ import annotations

from retrieval.answer import _person_on_record
from retrieval.corpus import build_corpus
from retrieval.draft import Cited
from retrieval.hybrid import hit_from_row
from retrieval.plan import Plan, Side


def _row(ordinal, text, records=()):
    return {
        "text": text,
        "meta": {
            "report_id": "s",
            "section": "Header",
            "paragraph": None,
            "ordinal": ordinal,
            "page": None,
            "kind": "field",
            "footnotes": [],
            "section_path": "Header",
            "records": [
                {"report_id": "s", "section": "Header", "paragraph": None, "ordinal": ordinal, **r}
                for r in records
            ],
        },
    }


REPORTS = [
    {"report_id": "s", "area": "Avonby", "year": 2017, "inspection_type": "short quality screening"}
]


def corpus(rows):
    return build_corpus(
        REPORTS,
        {
            "ids": [f"p{i}" for i in range(len(rows))],
            "texts": [r["text"] for r in rows],
            "metadatas": [r["meta"] for r in rows],
        },
    )


NAME = {
    "kind": "fact",
    "subject": "service_manager",
    "value": "Helen Castle",
    "text": "Ms Helen Castle",
}
ROWS = [_row(1, "Ms Helen Castle", [NAME]), _row(2, "Head of Youth Offending Service")]
PLAN = Plan("Avonby head of service 2017 vs 2022", "", [Side("x", ["s"])], fact="service_manager")


def test_the_role_line_gives_way_to_the_person_on_record():
    """ "Head of Youth Offending Service" (the address block's role line) named no one: the
    side quotes the report's record of the head of service, the name line above it."""
    c = corpus(ROWS)
    side = Cited(hit_from_row(c, 1, score=0.7), "Head of Youth Offending Service")
    got = _person_on_record(PLAN, side, c)
    assert got is not None and (got.hit.row, got.quote) == (0, "Ms Helen Castle")


def test_a_passage_naming_someone_stays_and_no_record_no_change():
    c = corpus(ROWS)
    named = Cited(hit_from_row(c, 0, score=0.7), "Ms Helen Castle")
    assert _person_on_record(PLAN, named, c) is named
    bare = corpus([_row(1, "Ms Helen Castle"), _row(2, "Head of Youth Offending Service")])
    side = Cited(hit_from_row(bare, 1, score=0.7), "Head of Youth Offending Service")
    assert _person_on_record(PLAN, side, bare) is side
    assert _person_on_record(PLAN, None, c) is None


def _fact_row(ordinal, text, kind, records=()):
    row = _row(ordinal, text, records)
    row["meta"].update(section="Key facts", section_path="Key facts", kind=kind)
    return row


CASES = {
    "kind": "fact",
    "subject": "cases_inspected",
    "value": "38",
    "text": "38 Cases inspected: 26 court disposals and 12 out-of-court disposals",
}
COUNT_PLAN = Plan(
    "How did the number of cases inspected in Avonby change between the 2016 screening and 2020?",
    "",
    [Side("Avonby 2020", ["s"])],
    comparison=True,
    quantity=True,
    fact="cases_inspected",
)


def test_a_figure_s_side_quotes_its_record_not_another_count():
    """tune68: the 2020 side of "How did the number of cases inspected change …?" quoted a
    finding on reviewing ("… in only 10 of the 19 cases"); the report's one record of the
    cases inspected is the side's answer, when the question reads surely as asking it."""
    from dataclasses import replace

    from retrieval.answer import _number_on_record
    from retrieval.intents import Intent

    reviewing = "Reviewing was not effective: a review took place in only 10 of the 19 cases."
    c = corpus([_fact_row(1, CASES["text"], "prose", [CASES]), _fact_row(2, reviewing, "numbered")])
    side = COUNT_PLAN.sides[0]
    other = Cited(hit_from_row(c, 1, score=0.6), reviewing)
    sure = replace(COUNT_PLAN, intent=Intent("fact:cases_inspected", 0.62, 0.8))
    got = _number_on_record(sure, side, other, c)
    assert got is not None and (got.hit.row, got.quote) == (0, CASES["text"])
    assert _number_on_record(sure, side, None, c).quote == CASES["text"]
    # read unsurely as the fact, or the record already quoted: the side stays
    unsure = replace(COUNT_PLAN, intent=Intent("fact:cases_inspected", 0.4, 0.6))
    assert _number_on_record(unsure, side, other, c) is other
    record = Cited(hit_from_row(c, 0, score=0.6), CASES["text"])
    assert _number_on_record(sure, side, record, c) is record
