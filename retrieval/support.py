"""Does a paragraph back the sentence that cites it? The LLM mode's citation check.

`SupportChecker.check(claim, paragraph, context="") -> Support` is lexical and strict where a
model most often goes wrong:

- every number the claim states (`41.2%`, `nine of the twelve`, `2016`) must be printed in the
  paragraph (or in its label, `context`: the report's year, the paragraph number);
- every passage the claim puts in quotation marks must be in the paragraph, word for word;
- the claim's content words, each weighted by its IDF in the corpus, must be covered by the
  paragraph's words to at least `threshold` (stems, so "assessed" covers "assessment").

`check_answer(text, hits, corpus, checker) -> CheckedAnswer` applies it to a model's answer:
each sentence (or list item) keeps only the `[n]` markers that name a retrieved paragraph which
backs it; a sentence left with none is removed with them; the survivors are renumbered, and each
cited paragraph's quote is its sentence that best matches, taken verbatim from the store.
The threshold is calibrated on the dev set by `bench/citecheck.py` (BENCHMARKS.md "Citation
check"), never on tests.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from findings import lexicon
from findings.text import normalise_space
from retrieval.answer import Cited
from retrieval.corpus import Corpus
from retrieval.draft import MARKER
from retrieval.hybrid import Hit
from retrieval.text import (
    NUMBER,
    NUMBER_WORDS,
    Cue,
    content_terms,
    is_year,
    sentences,
    tokens,
    words,
)

# Calibrated on data/eval/dev_qa.jsonl (bench/citecheck.py): the IDF-weighted share of a claim's
# content words its paragraph must print.
SUPPORT_THRESHOLD = 0.6
MIN_QUOTED_WORDS = 3
QUOTE_CAP = 1000
_NUMBER_VALUE = lexicon.NUMBER_VALUES
_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")
# `[1, 3]` and `[1][3]` are the same two markers
_MARKER_LIST = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+)+)\s*\]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'(])")
_LIST_ITEM = re.compile(r"^(\s*(?:[-*+•]|\d+[.)])\s+)")
# A sentence in a report that speaks to a model ("ignore previous instructions", "reveal your
# system prompt", "note to the AI model"): it is withheld from the prompt and backs no claim.
INSTRUCTION = Cue(lexicon.ADDRESSES_A_MODEL)
WITHHELD = "[instruction-like text withheld]"
# what a model writes when the sources do not answer (the prompt asks for the first)
ABSTAINS = Cue(lexicon.MODEL_ABSTAINS)


@dataclass(frozen=True)
class Support:
    supported: bool
    score: float  # IDF-weighted share of the claim's content words the paragraph prints
    reason: str = ""  # why not, when not supported


def without_instructions(text: str, mark: str = "") -> str:
    """`text` without its sentences that address a model (each replaced by `mark`)."""
    if not INSTRUCTION.search(text):
        return text
    kept = [mark if INSTRUCTION.search(s) else s for s in sentences(normalise_space(text))]
    return " ".join(s for s in kept if s)


def numbers(text: str) -> set[str]:
    """The numbers a text states, as digits without separators (`1,460` -> `1460`,
    `nine` -> `9`)."""
    found = {m.group(0).replace(",", "") for m in NUMBER.finditer(text)}
    found |= {_NUMBER_VALUE[w] for w in words(text) if w in _NUMBER_VALUE}
    return found


class SupportChecker:
    """One public method: `check(claim, paragraph, context="") -> Support`."""

    def __init__(
        self,
        threshold: float = SUPPORT_THRESHOLD,
        idf: Callable[[str], float] | None = None,
    ):
        self.threshold = threshold
        self.idf = idf or (lambda _term: 1.0)

    def check(self, claim: str, paragraph: str, context: str = "", headings: str = "") -> Support:
        """`context`: numbers a claim may state besides the paragraph's (the report's year,
        the paragraph number); a year only where the paragraph prints none, so "since October
        2016" is not backed by "since October 2015" in a 2016 report. `headings`: the words of
        the headings above the paragraph, which count as its words ("rated" under "Ratings")."""
        para = normalise_space(paragraph)
        claim = normalise_space(claim)
        if not para:
            return Support(False, 0.0, "the paragraph holds nothing that can back a claim")
        for quoted in _QUOTED.findall(claim):
            if len(quoted.split()) >= MIN_QUOTED_WORDS and _fold(quoted) not in _fold(para):
                return Support(False, 0.0, f"the quoted words “{quoted}” are not in the paragraph")
        printed = numbers(para)
        allowed = numbers(context)
        if any(is_year(n) for n in printed):
            allowed = {n for n in allowed if not is_year(n)}
        invented = sorted(numbers(claim) - printed - allowed)
        if invented:
            return Support(False, 0.0, f"{', '.join(invented)} is not in the paragraph")
        score = self.coverage(claim, f"{para} {headings}" if headings else para)
        if score < self.threshold:
            return Support(False, score, f"too few of its words are in the paragraph ({score:.2f})")
        return Support(True, score)

    def coverage(self, claim: str, paragraph: str) -> float:
        terms = [t for t in content_terms(claim) if t not in NUMBER_WORDS]
        if not terms:
            return 1.0 if normalise_space(claim) else 0.0
        have = set(tokens(paragraph))
        weights = {t: self.idf(t) for t in terms}
        total = sum(weights.values()) or 1.0
        return sum(w for t, w in weights.items() if t in have) / total

    def best_sentence(self, claim: str, paragraph: str) -> str:
        """The paragraph's sentence that the claim matches best, verbatim (first on a tie); the
        whole paragraph when it has one sentence."""
        parts = sentences(normalise_space(paragraph))
        stated = numbers(claim)

        def match(s: str) -> float:  # its words, and the figures it shares with the claim
            shared = len(stated & numbers(s)) / len(stated) if stated else 0.0
            return self.coverage(claim, s) + 0.5 * shared

        best = max(parts, key=lambda s: (match(s), -parts.index(s)))
        return _cap(best)


@dataclass
class Removal:
    marker: int
    claim: str
    reason: str


@dataclass
class CheckedAnswer:
    """A model's answer after the check: `text` with renumbered `[n]` markers, one `Cited`
    (quote from the store) per marker, and what was removed."""

    text: str
    cited: list[Cited] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    dropped_claims: int = 0  # sentences removed because no citation backed them
    had_markers: bool = False
    abstained: bool = False  # the model said the sources do not answer

    @property
    def removed(self) -> int:
        return len(self.removals)


@dataclass
class _Claim:
    prefix: str  # a list item's marker ("- "), or ""
    text: str  # without markers
    markers: list[int]
    line: int


def check_answer(
    text: str, hits: list[Hit], corpus: Corpus, checker: SupportChecker
) -> CheckedAnswer:
    """Keep the claims of `text` that a retrieved paragraph they cite backs (see module doc)."""
    claims = split_claims(text)
    out = CheckedAnswer(text="", had_markers=any(c.markers for c in claims))
    kept: list[tuple[_Claim, list[int]]] = []
    first_claim: dict[int, str] = {}
    for claim in claims:
        good: list[int] = []
        for n in claim.markers:
            if not 1 <= n <= len(hits):
                out.removals.append(Removal(n, claim.text, f"[{n}] is not a retrieved paragraph"))
                continue
            hit = hits[n - 1]
            verdict = checker.check(
                claim.text,
                without_instructions(hit.text),
                _context(hit, corpus),
                hit.section_path or hit.section,
            )
            if verdict.supported:
                good.append(n)
            else:
                out.removals.append(Removal(n, claim.text, verdict.reason))
        if good:
            kept.append((claim, list(dict.fromkeys(good))))
            for n in good:
                first_claim.setdefault(n, claim.text)
        elif claim.markers or not _is_lead_in(claim):
            out.dropped_claims += 1
            if not claim.markers and ABSTAINS.search(claim.text):
                out.abstained = True
    order = list(first_claim)  # old source number -> position = new marker number - 1
    renumber = {old: new for new, old in enumerate(order, start=1)}
    out.cited = [
        Cited(
            hits[old - 1],
            checker.best_sentence(first_claim[old], without_instructions(hits[old - 1].text)),
        )
        for old in order
    ]
    lines: dict[int, list[str]] = {}
    for claim, good in kept:
        marks = "".join(f"[{renumber[n]}]" for n in good)
        body = claim.text
        end = body[-1] if body and body[-1] in ".!?" else ""
        body = body[: len(body) - len(end)].rstrip()
        lines.setdefault(claim.line, []).append(f"{claim.prefix}{body} {marks}{end}")
    # a lead-in line ("Inspectors found:") stays when a list item after it stays
    for claim in claims:
        if not claim.markers and _is_lead_in(claim) and any(n > claim.line for n in lines):
            lines.setdefault(claim.line, []).append(claim.text)
    out.text = "\n".join(" ".join(lines[i]) for i in sorted(lines))
    return out


def split_claims(text: str) -> list[_Claim]:
    """Each sentence or list item of a model's answer with the `[n]` markers it carries (a
    marker written after the full stop belongs to the sentence before it)."""
    claims: list[_Claim] = []
    text = _MARKER_LIST.sub(
        lambda m: "".join(f"[{n.strip()}]" for n in m.group(1).replace(";", ",").split(",")), text
    )
    for line_no, line in enumerate(text.replace("\r\n", "\n").split("\n")):
        if not line.strip():
            continue
        item = _LIST_ITEM.match(line)
        prefix = "- " if item else ""
        body = line[item.end() :] if item else line
        # "… was good. [1] The next …" -> "… was good [1]. The next …"
        body = re.sub(r"([.!?])((?:\s*\[\d+\])+)", r"\2\1", body)
        for sentence in _SENTENCE_END.split(body.strip()):
            markers = [int(n) for n in MARKER.findall(sentence)]
            bare = normalise_space(MARKER.sub("", sentence))
            bare = re.sub(r"\s+([.,;:!?])", r"\1", bare)
            if bare.strip(" .,;:!?"):
                claims.append(_Claim(prefix, bare, markers, line_no))
            prefix = ""  # only the item's first sentence carries the bullet
    return claims


def _is_lead_in(claim: _Claim) -> bool:
    return claim.text.endswith(":") and not claim.prefix


def _context(hit: Hit, corpus: Corpus) -> str:
    """The numbers a claim may state about a paragraph besides its own: its report's year
    and its printed paragraph number (`¶2.2`)."""
    meta = corpus.reports.get(hit.report_id) or {}
    return " ".join(str(v) for v in (meta.get("year"), hit.paragraph) if v)


def _fold(text: str) -> str:
    return normalise_space(text).lower().replace("’", "'").replace("‘", "'")


def _cap(text: str) -> str:
    if len(text) <= QUOTE_CAP:
        return text
    cut = text.rfind(" ", 0, QUOTE_CAP + 1)
    return text[: cut if cut > QUOTE_CAP // 2 else QUOTE_CAP]
