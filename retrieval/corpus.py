"""What retrieval knows about the stored reports, built once per store state.

`CorpusLoader(store).load()` reads every committed paragraph and the report list, and builds:
the BM25 index (`bm25s`) over paragraph text with its headings and learned acronym expansions,
the reports of each area and year, and each report's vocabulary (to tell whether a name or a
term the question asks about is printed in a report at all). It reloads only when the store's
committed versions change.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import re
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import bm25s
import numpy as np

from findings import lexicon
from findings.records import report_label
from findings.settings import cache_dir
from retrieval import text as text_module
from retrieval.text import content_terms, synonyms, tokens, word_spans, words
from store.protocols import ParagraphStore
from store.state import StateFile

GLOSSARY = lexicon.GLOSSARY
# words a question may use that no report need print (the lexicon's cues): never respelled
_QUESTION_WORDS = frozenset(
    w
    for name in dir(lexicon)
    if name.isupper() and isinstance(getattr(lexicon, name), dict)
    for key in getattr(lexicon, name)
    if isinstance(key, str)
    for w in words(key)
)
CONNECTORS = frozenset(lexicon.ACRONYM_CONNECTORS)
ACRONYM_DEF = re.compile(
    rf"((?:[A-Z][\w'-]*\s+(?:(?:{'|'.join(sorted(CONNECTORS))})\s+)?){{0,7}}[A-Z][\w'-]*)"
    r"\s+\(([A-Z][A-Za-z]{1,9})\)"
)


@dataclass
class Corpus:
    reports: dict[str, dict]
    ids: list[str]
    texts: list[str]
    metas: list[dict]
    acronyms: dict[str, str] = field(default_factory=dict)  # "mappa" -> "multi-agency public …"
    by_report: dict[str, list[int]] = field(default_factory=dict)
    areas: dict[str, list[str]] = field(default_factory=dict)  # "thurrock" -> report ids
    vocab: dict[str, set[str]] = field(default_factory=dict)  # report id -> lower-case words
    row_terms: list[frozenset[str]] = field(default_factory=list)  # paragraph + headings
    report_terms: dict[str, set[str]] = field(default_factory=dict)
    heading_terms: set[str] = field(default_factory=set)  # words reports use as topics
    heading_words: set[str] = field(default_factory=set)  # lower-case words of the headings
    bm25: bm25s.BM25 | None = None
    vectors: np.ndarray | None = None  # the stored embeddings, one row per paragraph
    row_of: dict[str, int] = field(default_factory=dict)
    df: dict[str, int] = field(default_factory=dict)
    # words some paragraph prints in lower case: a capitalised pair of two of them ("Youth
    # Rehabilitation Orders", "Second Step") is no person's name
    lower_words: frozenset[str] = frozenset()
    # report id -> (row, record) for every record its paragraphs carry, in reading order
    records: dict[str, list[tuple[int, dict]]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def area_pattern(self) -> re.Pattern:
        """One regex for every stored area name, longest first (built once per corpus)."""
        pattern = self.__dict__.get("_area_pattern")
        if pattern is None:
            names = sorted(self.areas, key=len, reverse=True)
            alternatives = "|".join(re.escape(a) for a in names) or r"(?!x)x"
            pattern = re.compile(rf"\b(?:{alternatives})\b", re.I)
            self.__dict__["_area_pattern"] = pattern
        return pattern

    @property
    def place_words(self) -> frozenset[str]:
        """Every word of every stored area name, lower-case (built once per corpus)."""
        found = self.__dict__.get("_place_words")
        if found is None:
            found = frozenset(w for area in self.areas for w in words(area))
            self.__dict__["_place_words"] = found
        return found

    def centrality(self, row: int) -> float:
        """How close the paragraph's meaning is to its whole report's (cosine to the mean of
        the report's paragraph vectors; each report's mean computed once): a summary's verdict
        ("Overall, we found…") sits near it, its reoffending-rate line does not. 0.0 when the
        vectors are not held in memory."""
        if self.vectors is None:
            return 0.0
        rid = self.metas[row]["report_id"]
        centres = self.__dict__.setdefault("_centres", {})
        centre = centres.get(rid)
        if centre is None:
            mean = self.vectors[self.by_report[rid]].mean(axis=0)
            centre = centres[rid] = mean / (float(np.linalg.norm(mean)) or 1.0)
        return float(self.vectors[row] @ centre)

    def headings_of(self, report_id: str) -> frozenset[str]:
        """Every heading over a report's paragraphs: their sections and the parts above them
        (each report's read once per corpus)."""
        known = self.__dict__.setdefault("_headings", {})
        found = known.get(report_id)
        if found is None:
            found = known[report_id] = frozenset(
                part
                for i in self.by_report.get(report_id, [])
                for part in [
                    *(self.metas[i].get("section_path") or "").split(" > "),
                    self.metas[i].get("section") or "",
                ]
                if part
            )
        return found

    def areas_in(self, text: str) -> list[str]:
        """The stored areas a text names (lower-case keys of `areas`), in order of appearance."""
        return list(dict.fromkeys(m.group(0).lower() for m in self.area_pattern.finditer(text)))

    @property
    def versions(self) -> dict[str, str]:
        """Committed version of each report, as the store's readers filter on it."""
        return {rid: r["version"] for rid, r in self.reports.items() if r.get("version")}

    def idf(self, term: str) -> float:
        n = len(self.ids) or 1
        return float(np.log(1 + (n - self.df.get(term, 0) + 0.5) / (self.df.get(term, 0) + 0.5)))

    def bm25_scores(self, query_tokens: list[str]) -> np.ndarray:
        if self.bm25 is None or not query_tokens:
            return np.zeros(len(self.ids), dtype=np.float32)
        return self.bm25.get_scores(query_tokens)

    def question_terms(self, text: str) -> dict[str, float]:
        """The question's distinguishing stems, each weighted by its IDF in this corpus. An
        acronym and its expansion count once: paragraphs are indexed with both forms."""
        return {t: self.idf(t) for t in content_terms(self.fold_acronyms(text))}

    def fold_acronyms(self, text: str) -> str:
        """Write each known expansion as its acronym ("Multi-Agency Public Protection
        Arrangements" -> "mappa"), as the paragraphs' index also carries the acronym."""
        lower = text.lower()
        for short, long in self.acronyms.items():
            if long in lower:
                lower = re.sub(rf"\b{re.escape(long)}s?\b", short, lower)
        return self._hyphenated(lower)

    def _hyphenated(self, lower: str) -> str:
        """Write words the reports print hyphenated as they print them ("out of court cases"
        -> "out-of-court cases"): "out-of-court" is one word of the index, and "out of court"
        left only "court", which every court paragraph prints too."""
        compounds = self.__dict__.get("_compounds")
        if compounds is None:
            compounds = self.__dict__["_compounds"] = {
                w.replace("-", " "): w
                for ws in self.vocab.values()
                for w in ws
                if "-" in w.strip("-") and all(part.isalpha() for part in w.split("-"))
            }
        if not compounds:
            return lower
        ws, spans = words(lower), word_spans(lower)
        out, at, i = [], 0, 0
        while i < len(ws):
            n = next(
                (
                    n
                    for n in range(min(MAX_COMPOUND_PARTS, len(ws) - i), 1, -1)
                    if " ".join(ws[i : i + n]) in compounds
                ),
                0,
            )
            if n:  # the longest compound from here, written as the reports write it
                out += [lower[at : spans[i][0]], compounds[" ".join(ws[i : i + n])]]
                at, i = spans[i + n - 1][1], i + n
            else:
                i += 1
        return "".join(out) + lower[at:]

    def respelled(self, question: str) -> str:
        """The question with a word no report prints read as the printed word it misspells
        (`text.respelled`: "What recomendations came out of the Kindlmere inspection?"). The
        printed words are gathered once, the first time a question has such a word."""

        def printed() -> dict[str, list[str]]:
            found = self.__dict__.get("_printed_words")
            if found is None:
                by_letter: dict[str, set[str]] = defaultdict(set)
                headings = {m.get("section_path") or m.get("section") or "" for m in self.metas}
                for text in [*self.texts, *headings]:
                    for w in words(text):
                        if len(w) >= text_module.SPELL_ONE_EDIT_FROM - 1 and w.isalpha():
                            by_letter[w[0]].add(w)
                for area in self.areas:
                    for w in area.split():
                        by_letter[w[0]].add(w)
                found = self.__dict__["_printed_words"] = {
                    k: sorted(v) for k, v in by_letter.items()
                }
            return found

        def is_printed(word: str) -> bool:
            return any(t in self.df for t in tokens(word)) or any(
                word in a.split() for a in self.areas
            )

        return text_module.respelled(question, printed, _QUESTION_WORDS, is_printed)

    def reports_printing(self, term: str) -> int:
        """How many stored reports print the term (a stem), counted once per corpus."""
        counts = self.__dict__.setdefault("_reports_printing", {})
        if term not in counts:
            counts[term] = sum(term in have for have in self.report_terms.values())
        return counts[term]

    def coverage(self, terms: dict[str, float], row: int) -> float:
        """IDF-weighted share of the question's terms printed in the paragraph or its headings."""
        total = sum(terms.values())
        if not total:
            return 0.0
        have = self.row_terms[row]
        return sum(w for t, w in terms.items() if t in have or synonyms(t) & have) / total

    def label(self, report_id: str) -> str:
        return report_label(self.reports.get(report_id) or {"report_id": report_id})

    def printed(self, report_ids: list[str] | None, term: str) -> bool:
        """Is `term` (a word or phrase, any case) printed in any of these reports?"""
        ws = words(term)
        targets = report_ids if report_ids is not None else list(self.reports)
        return any(all(w in self.vocab.get(rid, set()) for w in ws) for rid in targets)

    def acronym_printed(self, report_ids: list[str] | None, acronym: str) -> bool:
        expansion = self.acronyms.get(acronym.lower())
        if self.printed(report_ids, acronym):
            return True
        if expansion is None:
            return False
        # in the singular or the plural ("child and adolescent mental health service" where
        # another report defined CAMHS as "… services")
        one = expansion[:-1] if expansion.endswith("s") else expansion
        return any(self.printed(report_ids, form) for form in (expansion, one, one + "s"))


def expansions_in(text: str, acronyms: dict[str, str]) -> str:
    """Extra words for indexing: an acronym's expansion where the acronym is printed, and the
    acronym where its expansion is printed, so `MAPPA` finds "Multi-Agency Public Protection
    Arrangements" and the other way round."""
    lower = text.lower()
    extra = []
    for short, long in acronyms.items():
        if re.search(rf"\b{re.escape(short)}\b", lower) and long not in lower:
            extra.append(long)
        elif long in lower and not re.search(rf"\b{re.escape(short)}\b", lower):
            extra.append(short)
    return " ".join(extra)


def learn_acronyms(texts: list[str]) -> dict[str, str]:
    """Acronyms the reports define themselves: "Multi-Agency Public Protection Arrangements
    (MAPPA)" teaches `mappa` -> "multi-agency public protection arrangements"."""
    found: dict[str, str] = {}
    for text in texts:
        for m in ACRONYM_DEF.finditer(text):
            phrase_words, short = m.group(1).split(), m.group(2)
            for start in range(len(phrase_words) - 1, -1, -1):
                tail = phrase_words[start:]
                initials = "".join(
                    part[0]
                    for w in tail
                    for part in w.split("-")
                    if part and w.lower() not in CONNECTORS
                )
                if initials.upper() == short.upper():
                    found.setdefault(short.lower(), " ".join(tail).lower())
                    break
    return found


CORPUS_FORMAT = 4  # bump when Corpus or build_corpus changes: old caches are then ignored


@functools.cache
def _code_fingerprint() -> str:
    """The code and word lists a corpus index is built with (tokens, stems, stopwords, the
    glossary): an upgrade that changes them must not reuse an index built the old way."""
    digest = hashlib.sha256()
    for module in (lexicon, text_module, sys.modules[__name__]):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:16]


KEEP_CACHED = 8
MAX_COMPOUND_PARTS = 4  # "out-of-court", "speech-and-language": the longest compounds printed


class CorpusLoader:
    """One public method: `load() -> Corpus`, rebuilt only when the store's contents change."""

    def __init__(self, store: ParagraphStore, recheck_s: float = 2.0):
        self.store = store
        self.recheck_s = recheck_s
        self._corpus: Corpus | None = None
        self._versions: dict[str, str] | None = None
        self._checked = 0.0
        self._token: tuple | None = None
        self._stale = False

    def invalidate(self) -> None:
        """Look at the store again on the next `load()` (this process just changed it)."""
        self._stale = True

    def load(self) -> Corpus:
        # An embedded store says in microseconds whether anything was written since the last
        # look (its files' sizes and times), so it is asked on every load; only then are the
        # committed versions read again (about 0.15 s at 1,000 reports). A server is asked
        # every `recheck_s` (the assistant also checks the reports it cites before answering).
        token = self.store.change_token()
        now = time.monotonic()
        if self._corpus is not None and not self._stale:
            if token is not None and token == self._token:
                return self._corpus
            if token is None and now - self._checked < self.recheck_s:
                return self._corpus
        self._checked = now
        self._stale = False
        if self._corpus is None and token is not None:
            known = self._known_state(token)  # a cold start on an unchanged store: no Chroma
            if known is not None:
                self._corpus, self._versions, self._token = known, known.versions, token
                return known
        versions = self.store.committed_versions()
        self._token = token
        if self._corpus is None or versions != self._versions:
            corpus, complete = self._cached(versions)
            self._corpus, self._versions = corpus, corpus.versions
            if not complete:
                self._stale = True  # read while a write was under way: look again next time
                return corpus
        if token is not None:
            self._remember_state(token, self._versions or {})
        return self._corpus

    @property
    def token(self) -> tuple | None:
        """The store's change token when the current corpus was checked against it."""
        return self._token

    # An embedded store's change token -> the cache key of its corpus, so that a new process
    # finds the corpus of an unchanged store without opening Chroma (about 0.9 s cold). A
    # token is never seen again once the store is written, so a stale entry is never used.

    def _state_file(self) -> StateFile:
        where = hashlib.sha256(self.store.location.encode()).hexdigest()[:16]
        return StateFile(cache_dir() / "corpus" / f"state-{where}.json")

    def _known_state(self, token: tuple) -> Corpus | None:
        state = self._state_file().read(token)
        if (
            state is None
            or state.get("format") != CORPUS_FORMAT  # older shape: rebuild it
            or state.get("code") != _code_fingerprint()  # built with other word lists
        ):
            return None
        return self._from_disk(str(state.get("key")))

    def _remember_state(self, token: tuple, versions: dict[str, str]) -> None:
        self._state_file().write(
            token,
            {"format": CORPUS_FORMAT, "code": _code_fingerprint(), "key": self._key(versions)},
        )

    def _key(self, versions: dict[str, str]) -> str:
        return hashlib.sha256(
            json.dumps(
                [CORPUS_FORMAT, _code_fingerprint(), self.store.location, sorted(versions.items())]
            ).encode()
        ).hexdigest()[:32]

    @staticmethod
    def _from_disk(key: str) -> Corpus | None:
        try:
            with open(cache_dir() / "corpus" / f"{key}.pickle", "rb") as fh:
                corpus = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        return corpus if isinstance(corpus, Corpus) else None

    def _cached(self, versions: dict[str, str]) -> tuple[Corpus, bool]:
        """The corpus for these committed versions, from the on-disk cache when a process built
        it before (reading every paragraph and indexing it takes seconds at a thousand reports;
        loading the cached index, a fraction of that); and whether it is complete.

        What is read is one state: the report list first, then exactly those versions'
        paragraphs. If a writer replaced a report in between, its paragraphs are missing: such
        a corpus is used once but never cached, so a cached corpus always matches its key."""
        cached = self._from_disk(self._key(versions))
        if cached is not None:
            return cached, True
        reports = self.store.list_reports()
        actual = {r["report_id"]: r["version"] for r in reports}
        cached = self._from_disk(self._key(actual))
        if cached is not None:
            return cached, True
        rows = self.store.all_paragraphs(embeddings=True, committed=actual)
        corpus = build_corpus(reports, rows)
        counts: dict[str, int] = defaultdict(int)
        for md in rows["metadatas"]:
            counts[md["report_id"]] += 1
        complete = all(counts.get(r["report_id"], 0) == r.get("paragraphs") for r in reports)
        if complete:
            self._to_disk(self._key(actual), corpus)
        return corpus, complete

    @staticmethod
    def _to_disk(key: str, corpus: Corpus) -> None:
        folder = cache_dir() / "corpus"
        path = folder / f"{key}.pickle"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(corpus, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
            for old in sorted(folder.glob("*.pickle"), key=lambda f: f.stat().st_mtime)[
                :-KEEP_CACHED
            ]:
                old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only cache only costs speed


# The share of reports whose headings use a word before it counts as a topic (at least one).
MIN_HEADING_SHARE = 0.1


# a lower-case word, not part of an email or web address ("jane.attwood@…")
LOWER_WORD = re.compile(r"(?<![\w'’.@/-])[a-z][a-z]+\b(?![.@/]\w)")


def build_corpus(reports: list[dict], rows: dict) -> Corpus:
    ids, texts, metas = rows["ids"], rows["texts"], rows["metadatas"]
    corpus = Corpus(reports={r["report_id"]: r for r in reports}, ids=ids, texts=texts, metas=metas)
    corpus.row_of = {pid: i for i, pid in enumerate(ids)}
    if rows.get("embeddings") is not None and len(rows["embeddings"]):
        corpus.vectors = np.asarray(rows["embeddings"], dtype=np.float32)
    corpus.acronyms = {
        **GLOSSARY,
        **learn_acronyms([r.get("title") or "" for r in reports] + texts),
    }
    by_report: dict[str, list[int]] = defaultdict(list)
    vocab: dict[str, set[str]] = defaultdict(set)
    doc_tokens: list[list[str]] = []
    row_terms: list[frozenset[str]] = []
    df: dict[str, int] = defaultdict(int)
    records: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    lower: set[str] = set()
    for i, (text, md) in enumerate(zip(texts, metas, strict=True)):
        lower.update(LOWER_WORD.findall(text))
        by_report[md["report_id"]].append(i)
        records[md["report_id"]] += [(i, r) for r in md.get("records") or ()]
        full = " ".join(
            [md.get("section_path") or md["section"], text, " ".join(md.get("footnotes") or [])]
        )
        ws = words(full)
        # a name printed only in its possessive ("the Lockkeeper's House") is printed
        vocab[md["report_id"]].update(ws + [w[:-2] for w in ws if w.endswith("'s")])
        # BM25 sees the paragraph and its footnotes; headings count through a separate bonus,
        # or every row under "Copy to" would match a question about a "copy".
        body = " ".join([text, " ".join(md.get("footnotes") or [])])
        toks = tokens(body + " " + expansions_in(body, corpus.acronyms))
        doc_tokens.append(toks)
        heading = md.get("section_path") or md["section"]
        row_terms.append(
            frozenset(toks)
            | frozenset(tokens(heading + " " + expansions_in(heading, corpus.acronyms)))
        )
        for t in row_terms[-1]:
            df[t] += 1
    for rid, r in corpus.reports.items():
        vocab[rid].update(
            words(" ".join(str(r.get(k) or "") for k in ("title", "area", "lead_inspector")))
        )
        if r.get("area"):
            corpus.areas.setdefault(r["area"].lower(), []).append(rid)
    corpus.by_report = dict(by_report)
    corpus.records = dict(records)
    corpus.vocab = dict(vocab)
    corpus.row_terms = row_terms
    # a topic of the genre is a word in the headings of a good share of the reports ("Ratings",
    # "Out-of-court disposals"); one report's own heading ("The four services in figures") does
    # not make "figure" a topic that every other report is missing
    heading_reports: dict[str, set[str]] = defaultdict(set)
    for heading, rid in {
        (md.get("section_path") or md["section"], md["report_id"]) for md in metas
    }:
        for term in tokens(heading):
            heading_reports[term].add(rid)
    enough = max(1, round(MIN_HEADING_SHARE * len(corpus.reports)))
    corpus.heading_terms = {t for t, rids in heading_reports.items() if len(rids) >= enough} | set(
        corpus.acronyms
    )
    corpus.heading_words = {
        w.lower()
        for heading in {md.get("section_path") or md["section"] for md in metas}
        for w in words(heading)
    } | set(corpus.acronyms)
    for rid, rows_of in corpus.by_report.items():
        corpus.report_terms[rid] = set().union(*(row_terms[i] for i in rows_of))
    corpus.df = dict(df)
    corpus.lower_words = frozenset(lower)
    if ids:
        bm25 = bm25s.BM25()
        bm25.index(doc_tokens, show_progress=False)
        corpus.bm25 = bm25
    return corpus
