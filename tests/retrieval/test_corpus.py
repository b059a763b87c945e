"""retrieval/corpus.py: the corpus index, learned acronyms, and its on-disk cache."""

from __future__ import annotations

import pytest

from findings.settings import Settings
from ingest.pipeline import Ingester
from retrieval import corpus as corpus_mod
from retrieval.corpus import CorpusLoader, learn_acronyms
from retrieval.text import tokens
from store.chroma import ChromaStore

pytest_plugins = ["retrieval_fixtures"]


@pytest.fixture
def store(tmp_path, embedder, reports_dir):
    s = ChromaStore(path=tmp_path / "store", model_slug=embedder.model_slug)
    Ingester(s, embedder, Settings()).run([reports_dir])
    return s


def test_learns_acronyms_the_reports_define():
    assert learn_acronyms(
        [
            "Referrals to Multi-Agency Public Protection Arrangements (MAPPA) were late.",
            "Child and Adolescent Mental Health Services (CAMHS) had a waiting list.",
        ]
    ) == {
        "mappa": "multi-agency public protection arrangements",
        "camhs": "child and adolescent mental health services",
    }


def test_a_second_process_loads_the_cached_index(store, monkeypatch):
    first = CorpusLoader(store).load()
    assert len(first) == sum(r["paragraphs"] for r in store.list_reports())

    def no_rebuild(*args):
        raise AssertionError("the index was rebuilt although the store did not change")

    monkeypatch.setattr(corpus_mod, "build_corpus", no_rebuild)
    again = CorpusLoader(store).load()
    assert again.ids == first.ids and again.texts == first.texts


def test_a_changed_store_is_indexed_anew(store, reports_dir, embedder):
    before = CorpusLoader(store).load()
    store.remove(["alderton_sqs_2017"])
    after = CorpusLoader(store).load()
    assert "alderton_sqs_2017" in before.reports and "alderton_sqs_2017" not in after.reports
    assert not any(i.startswith("alderton_sqs_2017:") for i in after.ids)


def count_builds(monkeypatch) -> list[int]:
    """A list that grows by one each time the corpus index is built (not loaded)."""
    built: list[int] = []
    real = corpus_mod.build_corpus

    def counting(*args):
        built.append(1)
        return real(*args)

    monkeypatch.setattr(corpus_mod, "build_corpus", counting)
    return built


def test_a_cache_of_an_older_corpus_format_is_rebuilt(store, monkeypatch):
    first = CorpusLoader(store).load()
    # the next release changes the Corpus: its loader must not unpickle this one's
    monkeypatch.setattr(corpus_mod, "CORPUS_FORMAT", corpus_mod.CORPUS_FORMAT + 1)
    built = count_builds(monkeypatch)
    again = CorpusLoader(store).load()
    assert built == [1]
    assert again.ids == first.ids


def test_a_cache_built_with_other_word_lists_is_rebuilt(store, monkeypatch):
    """An upgrade that changes the lexicon or the tokeniser (a synonym, a stopword) must not
    reuse an index built the old way: the cache key holds the code's fingerprint."""
    CorpusLoader(store).load()
    monkeypatch.setattr(corpus_mod, "_code_fingerprint", lambda: "another lexicon")
    built = count_builds(monkeypatch)
    CorpusLoader(store).load()
    assert built == [1]


def test_the_fingerprint_covers_the_lexicon_and_the_tokeniser():
    from pathlib import Path

    from findings import lexicon
    from retrieval import text

    corpus_mod._code_fingerprint.cache_clear()
    first = corpus_mod._code_fingerprint()
    assert len(first) == 16 and first == corpus_mod._code_fingerprint()
    read = []
    real_read = Path.read_bytes
    corpus_mod._code_fingerprint.cache_clear()
    try:
        Path.read_bytes = lambda self: read.append(str(self)) or real_read(self)  # type: ignore[method-assign]
        corpus_mod._code_fingerprint()
    finally:
        Path.read_bytes = real_read  # type: ignore[method-assign]
        corpus_mod._code_fingerprint.cache_clear()
    assert read == [lexicon.__file__, text.__file__, corpus_mod.__file__]


def plain_corpus(sections: dict[str, list[tuple[str, str]]]):
    """A corpus of plain rows, no vectors: report id -> [(section, text)]."""
    from retrieval.corpus import build_corpus

    reports = [{"report_id": rid, "area": rid.split("_")[0].title()} for rid in sections]
    ids, texts, metas = [], [], []
    for rid, rows in sections.items():
        for n, (section, text) in enumerate(rows, start=1):
            ids.append(f"{rid}-{n}")
            texts.append(text)
            metas.append({"report_id": rid, "section": section, "ordinal": n, "kind": "prose"})
    return build_corpus(reports, {"ids": ids, "texts": texts, "metadatas": metas})


def test_a_topic_is_a_heading_word_of_a_share_of_the_reports():
    """One report's own heading ("The four services in figures") does not make "figure" a
    topic other reports miss; a heading many reports use ("Ratings") does, and in a small
    collection one report is enough."""
    reports = {
        f"area{i}_yos_2020": [("Ratings", "Assessment was rated Good."), ("Staff", "Staff were.")]
        for i in range(18)
    }
    reports["tarn_thematic_2024"] = [("The four services in figures", "Tarn supervised 88.")]
    reports["wick_sqs_2018"] = [("Reducing reoffending", "Plans were weak.")]
    corpus = plain_corpus(reports)  # 20 reports: a topic is in the headings of at least 2
    (rating,), (staff,), (figure,) = tokens("Ratings"), tokens("Staff"), tokens("figures")
    assert rating in corpus.heading_terms and staff in corpus.heading_terms
    assert figure not in corpus.heading_terms
    small = plain_corpus({"tarn_thematic_2024": reports["tarn_thematic_2024"]})
    assert figure in small.heading_terms


def test_centrality_is_the_cosine_to_the_report_s_mean_meaning(embedder):
    """A summary's verdict sits near the whole report's meaning; its statistics line does not."""
    from retrieval.corpus import build_corpus

    texts = [
        "The published reoffending rate was 41.2% against an average of 35.7%.",
        "Overall, case managers assessed children well, but plans were weak and MAPPA referrals late.",
        "Assessments of children were thorough and timely.",
        "Plans lacked specific objectives and were rarely reviewed.",
        "MAPPA referrals were made late in two cases.",
    ]
    rows = {
        "ids": [f"p{i}" for i in range(5)],
        "texts": texts,
        "metadatas": [
            {"report_id": "a", "section": "Summary" if i < 2 else "Findings", "ordinal": i + 1, "kind": "prose"}
            for i in range(5)
        ],
        "embeddings": embedder.embed(texts),
    }  # fmt: skip
    corpus = build_corpus([{"report_id": "a", "area": "Avonby", "year": 2014}], rows)
    assert corpus.centrality(1) > corpus.centrality(0)
    vectors = corpus.vectors
    mean = vectors.mean(axis=0)
    assert corpus.centrality(1) == pytest.approx(
        float(vectors[1] @ mean) / float((mean @ mean) ** 0.5)
    )
    corpus.vectors = None
    assert corpus.centrality(1) == 0.0


def test_a_name_printed_only_in_its_possessive_is_printed():
    """ "the Lockkeeper's House": a question about "Lockkeeper's House" names a printed name
    (the planner strips the possessive before it looks the name up)."""
    corpus = plain_corpus(
        {"brant_yjs_2025": [("Facilities", "The Lockkeeper’s House has six rooms.")]}
    )
    assert corpus.printed(None, "lockkeeper") and corpus.printed(["brant_yjs_2025"], "house")
    assert not corpus.printed(None, "lockkeepers")


def test_an_acronym_is_printed_by_its_expansion_in_the_singular_or_plural():
    """CAMHS defined as "… services" in one report; another prints "the child and adolescent
    mental health service": a question about CAMHS abstained there ("do not mention 'CAMHS'")."""
    from retrieval.corpus import build_corpus

    texts = [
        "Child and adolescent mental health services (CAMHS) saw children quickly.",
        "Children referred to the child and adolescent mental health service waited 14 weeks.",
    ]
    reports = [
        {"report_id": r, "area": "Avonby", "year": y, "inspection_type": "unknown"}
        for r, y in (("a", 2020), ("b", 2018))
    ]
    corpus = build_corpus(
        reports,
        {
            "ids": ["p0", "p1"],
            "texts": texts,
            "metadatas": [
                {"report_id": r, "section": "Health", "ordinal": 1, "kind": "prose"}
                for r in ("a", "b")
            ],
        },
    )
    assert corpus.acronym_printed(["b"], "CAMHS")
    assert not corpus.acronym_printed(["b"], "MAPPA")


def test_a_report_s_headings_are_its_sections_and_the_parts_above_them(sample_corpus):
    heads = sample_corpus.headings_of("kestrel_vale_sqs_2016")
    assert {"Protecting the public", "Key strengths", "Areas requiring improvement"} <= heads
    assert "Planning" not in heads  # the 2013 inspection's, not this letter's
    assert sample_corpus.headings_of("kestrel_vale_sqs_2016") is heads  # read once
    assert sample_corpus.headings_of("no_such_report") == frozenset()
