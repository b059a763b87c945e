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
