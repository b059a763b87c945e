"""Checks shared by the tests/retrieval modules: the CONTRACT's promises for one answer."""

from __future__ import annotations

import re

from conftest import CITATION_KEYS, CONTRACT_KEYS

from findings.text import normalise_space
from store.chroma import ChromaStore

SAMPLE_IDS = [
    "kestrel_vale_fji_2013",
    "kestrel_vale_sqs_2016",
    "marshbury_sqs_2014",
    "marshbury_sqs_2016",
    "northfield_yos_2019",
    "thurrock_sqs_2015",
]
RETRIEVED_KEYS = ["rank", "report_id", "section", "paragraph", "ordinal", "score"]


def cited(answer: dict) -> list[tuple]:
    """(report_id, section, paragraph, ordinal) of each citation, in `n` order."""
    return [
        (c["report_id"], c["section"], c["paragraph"], c["ordinal"]) for c in answer["citations"]
    ]


def assert_contract(answer: dict, store: ChromaStore, top_k: int = 8) -> None:
    """The CONTRACT's promises for one `findings ask --json` object, checked exactly."""
    keys = CONTRACT_KEYS + (["related"] if answer["abstained"] else [])
    # after the CONTRACT keys: which area a question naming none was about, when it matters
    keys += ["scope_note"] if "scope_note" in answer else []
    assert list(answer) == keys
    assert answer.get("scope_note", "Asked of").startswith(
        ("The question names no area", "Asked of", "FINDINGS_AREA")
    )
    assert [c["n"] for c in answer["citations"]] == list(range(1, len(answer["citations"]) + 1))
    markers = sorted({int(n) for n in re.findall(r"\[(\d+)\]", answer["answer"])})
    assert markers == [c["n"] for c in answer["citations"]]
    for c in answer["citations"]:
        assert list(c) == CITATION_KEYS
        stored = {(p["section"], p["ordinal"]): p for p in store.get_paragraphs(c["report_id"])}[
            (c["section"], c["ordinal"])
        ]
        assert stored["paragraph"] == c["paragraph"]
        assert normalise_space(c["quote"]) in normalise_space(stored["text"])
        # a quotation in the text is from the paragraph its marker cites
        for shown in re.findall(rf"“([^”]+)” \[{c['n']}\]", answer["answer"]):
            assert normalise_space(shown) in normalise_space(stored["text"])
    assert [r["rank"] for r in answer["retrieved"]] == list(range(1, len(answer["retrieved"]) + 1))
    for r in answer["retrieved"]:
        assert list(r) == RETRIEVED_KEYS
    if answer["abstained"]:
        assert answer["citations"] == []
        assert answer["answer"].startswith("The reports do not answer this question.")
    else:
        assert len(answer["retrieved"]) >= top_k
