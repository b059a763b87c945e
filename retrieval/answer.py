"""The offline extractive answerer: every claim is a verbatim sentence of a stored paragraph.

`ExtractiveAnswerer.answer(plan, hits, corpus) -> Draft` leads with the direct answer (the
sentence that answers, a yes/no, or the list), marks each quote `[n]`, and abstains, with the
closest paragraphs as `related`, when the evidence does not carry what the question asks about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from findings.records import Abstention, citation_label
from findings.text import normalise_space
from findings.vocab import AbstainReason
from retrieval.corpus import Corpus
from retrieval.hybrid import Hit, hit_from_row
from retrieval.plan import Plan, prints_identifier
from retrieval.text import (
    DATE,
    STOPWORDS,
    TIME_UNIT,
    has_number,
    prints_count,
    prints_person,
    sentences,
    stem,
    tokens,
)

NEGATION = re.compile(r"\b(not|no|never|none|neither|nor|without|cannot)\b|n't\b", re.I)
CONTRAST = re.compile(r"\b(but|however|although|though|while|whereas|except|despite)\b", re.I)
MAX_QUOTE = 500
# No quote is longer than this: a longer stretch is cut at a word end (still verbatim, a prefix)
QUOTE_CAP = 1000
SAME_TOPIC_MARGIN = 0.15
YES_NO_MIN_COVERAGE = 0.5
# A term counts as a concept the reports cover when several paragraphs print it; words that
# only frame the question (comparisons, time, size) never do.
MIN_CONCEPT_DF = 3
NOT_CONCEPTS = frozenset(
    stem(w)
    for w in """compare comparison recent previous latest earlier earliest first last next later
    lower higher better worse improve improved change changed quick quickly long longer two three four
    five six have had see seen go main get become became effective ineffective since before after
    time times often""".split()
)
NEGATING_PREFIXES = ("in", "un", "non", "im", "ir", "il", "dis")
# Calibrated on data/eval/dev_qa.jsonl and the seed set (bench/quality.py), never on tests.
MIN_COVERAGE = 0.15
MIN_DENSE_ALONE = 0.62


@dataclass
class Cited:
    hit: Hit
    quote: str


@dataclass
class Draft:
    """An answer before its citations are checked: text with `[n]` markers, one `Cited` per
    marker, in order; or an abstention with its reason and the closest paragraphs."""

    text: str
    cited: list[Cited] = field(default_factory=list)
    related: list[Hit] = field(default_factory=list)
    abstention: Abstention | None = None

    @property
    def abstained(self) -> bool:
        return self.abstention is not None

    @classmethod
    def abstain(cls, abstention: Abstention, related: list[Hit]) -> Draft:
        return cls(text=abstention.text, related=related, abstention=abstention)


class ExtractiveAnswerer:
    """One public method: `answer(plan, hits, corpus) -> Draft`."""

    mode = "extractive"

    def __init__(
        self, min_coverage: float = MIN_COVERAGE, min_dense_alone: float = MIN_DENSE_ALONE
    ):
        self.min_coverage = min_coverage
        self.min_dense_alone = min_dense_alone

    def answer(self, plan: Plan, hits: list[Hit], corpus: Corpus) -> Draft:
        if plan.abstain:
            return _abstain(plan.abstain, hits)
        if not hits:
            return _abstain(
                Abstention(
                    AbstainReason.NOTHING_RETRIEVED,
                    "Nothing in the stored reports matches the question.",
                ),
                hits,
            )
        if plan.list_sections:
            listed = self._list(plan, hits, corpus)
            if listed is not None:
                return listed
        terms = _question_terms(plan, corpus)
        missing = missing_terms(plan, corpus, terms)
        if missing and not plan.comparison:
            targets = plan.report_ids or []
            return _abstain(
                Abstention(
                    AbstainReason.TOPIC_NOT_COVERED,
                    f"{', '.join(corpus.label(r) for r in targets)} "
                    f"{'does' if len(targets) == 1 else 'do'} not cover what the question asks about.",
                ),
                hits,
            )
        per_side: list[Cited | None] = []
        for side_no in range(len(plan.sides)):
            side_hits = [h for h in hits if h.side == side_no]
            per_side.append(self._best_supported(plan, side_hits, terms, corpus))
        found = [c for c in per_side if c is not None]
        if not found:
            return _abstain(Abstention(AbstainReason.NO_SUPPORTING_PASSAGE), hits)
        if plan.comparison and len(plan.sides) > 1:
            return self._comparison(plan, per_side, corpus, hits)
        best = found[0]
        if plan.enumerate:
            matches = self._matching_items(best, hits, corpus, terms)
            if len(matches) > 1:
                lines = [f"{corpus.label(best.hit.report_id)} lists {len(matches)}:"]
                lines += [f"- “{c.quote}” [{n}]" for n, c in enumerate(matches, start=1)]
                return Draft(text="\n".join(lines), cited=matches)
        cited = [best] + (self._same_topic(best, hits, corpus, terms) if plan.summary else [])
        label = _label(corpus, best.hit)
        # A number question is answered by the quoted sentence itself: picking "the" figure out
        # of a sentence like "reduced from 14 weeks to 5 weeks" would risk a wrong lead.
        # …and a yes/no lead only where the quote clearly speaks to what was asked.
        confident = corpus.coverage(terms, best.hit.row) >= YES_NO_MIN_COVERAGE if terms else False
        lead = _yes_no(plan, best.quote) if plan.yes_no and confident else ""
        text = f"{lead}According to {label}: “{best.quote}” [1]"
        for n, more in enumerate(cited[1:], start=2):
            text += f"\n\n{_label(corpus, more.hit)} adds: “{more.quote}” [{n}]"
        return Draft(text=text, cited=cited)

    def _same_topic(
        self, best: Cited, hits: list[Hit], corpus: Corpus, terms: dict[str, float]
    ) -> list[Cited]:
        """Further numbered paragraphs of the same section on the same topic ("What did the
        report say about MAPPA?" is answered by every paragraph about MAPPA there)."""
        top = corpus.coverage(terms, best.hit.row)
        out = []
        for h in hits[1:4]:
            if (
                h.report_id == best.hit.report_id
                and h.section == best.hit.section
                and h.kind == "numbered"
                and best.hit.kind == "numbered"
                and top > 0
                and corpus.coverage(terms, h.row) >= 0.8 * top
                and h.score >= best.hit.score - SAME_TOPIC_MARGIN
            ):
                out.append(Cited(h, self._quote(h, terms)))
        return out[:2]

    @staticmethod
    def _quote(hit: Hit, terms: dict[str, float]) -> str:
        sents = sentences(hit.text)
        if len(hit.text) <= MAX_QUOTE or len(sents) <= 2:
            return _verbatim(hit.text)
        # the best window of two adjacent sentences: a quote is one verbatim stretch of text
        weight = [sum(w for t, w in terms.items() if t in set(tokens(s))) for s in sents]
        start = max(range(len(sents) - 1), key=lambda i: (weight[i] + weight[i + 1], -i))
        return _verbatim(" ".join(sents[start : start + 2]))

    @staticmethod
    def _matching_items(
        best: Cited, hits: list[Hit], corpus: Corpus, terms: dict[str, float]
    ) -> list[Cited]:
        """Every row or bullet of one list that matches the question as well as the best one
        ("Which standards were rated Good?" lists each "Good" row of the ratings table)."""
        if best.hit.kind not in ("table_row", "bullet"):
            # a prose paragraph came first, but a list's items may match as well as it does
            first = corpus.coverage(terms, best.hit.row)
            items = [
                h
                for h in hits
                if h.kind in ("table_row", "bullet")
                and h.report_id == best.hit.report_id
                and corpus.coverage(terms, h.row) >= first - 1e-6
            ]
            if len(items) < 2:
                return [best]
            best = Cited(items[0], _verbatim(items[0].text))
        top = corpus.coverage(terms, best.hit.row)
        same = [
            h
            for h in hits
            if h.report_id == best.hit.report_id
            and h.section == best.hit.section
            and h.kind == best.hit.kind
            and corpus.coverage(terms, h.row) >= top - 1e-6
        ]
        same.sort(key=lambda h: h.row)
        return [Cited(h, _verbatim(h.text)) for h in same] or [best]

    # --- the parts ------------------------------------------------------------------------

    def _best_supported(
        self, plan: Plan, hits: list[Hit], terms: dict[str, float], corpus: Corpus
    ) -> Cited | None:
        strict = plan.quantity or plan.wants is not None or bool(plan.identifiers)
        for hit in hits[: 6 if strict else 1]:
            quote = self._supported_quote(plan, hit, terms, corpus)
            if quote is not None:
                return Cited(hit, quote)
        return None

    def _supported_quote(
        self, plan: Plan, hit: Hit, terms: dict[str, float], corpus: Corpus
    ) -> str | None:
        coverage = corpus.coverage(terms, hit.row) if terms else 1.0
        if coverage < self.min_coverage and (hit.dense < self.min_dense_alone or coverage == 0.0):
            return None
        if not _prints_what_is_asked(plan, hit.text, corpus):
            return None
        if not all(prints_identifier(hit.text, ident) for ident in plan.identifiers):
            return None  # "team 4321" is not answered by the note on team 4319
        return self._quote(hit, terms)

    def _list(self, plan: Plan, hits: list[Hit], corpus: Corpus) -> Draft | None:
        cited: list[Cited] = []
        blocks: list[tuple[str, str, list[int]]] = []
        for side_no, side in enumerate(plan.sides):
            reports = side.report_ids if side.report_ids is not None else []
            side_hits = [h for h in hits if h.side == side_no]
            if len(reports) != 1 and side_hits:
                reports = [side_hits[0].report_id]  # the report the evidence points at
            for rid in reports[:1] if not plan.comparison else reports:
                rows = _list_rows(corpus, rid, plan.list_sections)
                if rows:
                    blocks.append((rid, corpus.metas[rows[0]]["section"], rows))
        if not blocks:
            return None
        lines: list[str] = []
        for rid, section, rows in blocks:
            lines.append(f"{corpus.label(rid)} lists {len(rows)} {section.lower()}:")
            for row in rows:
                hit = hit_from_row(corpus, row, score=1.0)
                cited.append(Cited(hit, _verbatim(hit.text)))
                lines.append(f"- “{_verbatim(hit.text)}” [{len(cited)}]")
        return Draft(text="\n".join(lines), cited=cited)

    def _comparison(
        self, plan: Plan, per_side: list[Cited | None], corpus: Corpus, hits: list[Hit]
    ) -> Draft:
        lines, cited = [], []
        for side, c in zip(plan.sides, per_side, strict=True):
            if c is None:
                lines.append(f"- **{side.label}**: the report does not say.")
                continue
            cited.append(c)
            lines.append(f"- **{_label(corpus, c.hit)}**: “{c.quote}” [{len(cited)}]")
        head = "Each side, in the reports' own words:"
        return Draft(text=head + "\n" + "\n".join(lines), cited=cited)


def _list_rows(corpus: Corpus, report_id: str, names: tuple[str, ...]) -> list[int]:
    for name in names:
        rows = [
            i
            for i in corpus.by_report.get(report_id, [])
            if corpus.metas[i]["section"].lower() == name
        ]
        items = [i for i in rows if corpus.metas[i]["kind"] in ("bullet", "numbered")]
        if items or rows:
            return items or rows
    return []


def _prints_what_is_asked(plan: Plan, text: str, corpus: Corpus) -> bool:
    """A number question needs a number of the thing asked about; "when" needs a date; "who"
    needs a name."""
    if plan.wants == "date" and not DATE.search(text):
        return False
    if plan.wants == "person" and not prints_person(text, set(corpus.areas)):
        return False
    q = plan.question
    # "At what MAPPA level…?": the paragraph must print a level at all
    asked = re.search(r"\b(?i:at|to|in|on) (?i:what) (?:[A-Z]+ )?([a-z]+)\b", q)
    if asked and asked.group(1) not in STOPWORDS and stem(asked.group(1)) not in set(tokens(text)):
        return False
    if not plan.quantity:
        return True
    if re.search(r"\bhow (long|quickly|soon|often)\b|\bwait", q, re.I):
        if re.search(r"\bwait", q, re.I) and not re.search(r"\bwait", text, re.I):
            return False
        return bool(TIME_UNIT.search(text))
    m = re.search(r"\bhow (?:many|much)\s+(?:of\s+(?:the\s+)?)?([a-z]+)", q, re.I) or re.search(
        r"\b(?:number|proportion|percentage) of (?:the\s+)?(?:\w+\s+)?([a-z]+)", q, re.I
    )
    if " | " in text:  # a table row: its number is in another cell
        return has_number(text)
    if re.search(r"\b(share|proportion|percentage|rate)\b", q, re.I):
        return bool(
            re.search(
                r"\d%|\b\d+ (?:out )?of (?:the )?\d+\b|\b(half|third|quarter|most|all)\b", text
            )
        )
    if m and m.group(1).lower() not in STOPWORDS:
        return prints_count(text, stem(m.group(1).lower())) or bool(
            re.search(r"\d%", text) and "percent" in q.lower()
        )
    return has_number(text)


def missing_terms(plan: Plan, corpus: Corpus, terms: dict[str, float]) -> list[str]:
    """Topics the question asks about that other reports cover but none of the targeted ones
    print: a "rating" asked of a report without ratings. A topic is a word some report uses in a
    heading (or a known acronym); other words of the question may just be paraphrase."""
    targets = plan.report_ids
    if targets is None or len(targets) == len(corpus.reports):
        return []
    have = set().union(*(corpus.report_terms.get(r, set()) for r in targets))
    return [
        t
        for t in terms
        if corpus.df.get(t, 0) >= MIN_CONCEPT_DF
        and t in corpus.heading_terms
        and t not in NOT_CONCEPTS
        and t not in have
        and not any(h.endswith(t) and h[: len(h) - len(t)] in NEGATING_PREFIXES for h in have)
    ]


def _question_terms(plan: Plan, corpus: Corpus) -> dict[str, float]:
    return corpus.question_terms(plan.lexical_text)


def _yes_no(plan: Plan, quote: str) -> str:
    if NEGATION.search(plan.question):
        return ""
    negative = bool(NEGATION.search(quote))
    if negative and CONTRAST.search(quote):
        return "Partly. "
    return "No. " if negative else "Yes. "


def _label(corpus: Corpus, hit: Hit) -> str:
    return citation_label(
        corpus.reports.get(hit.report_id) or {"report_id": hit.report_id},
        hit.section,
        hit.paragraph,
        hit.ordinal,
    )


def _abstain(abstention: Abstention, hits: list[Hit]) -> Draft:
    return Draft.abstain(abstention, related=hits[:3])


def _verbatim(text: str) -> str:
    """A quote of `text`: whitespace normalised, at most QUOTE_CAP characters (cut at a word
    end), so a giant paragraph never becomes a giant answer."""
    quote = normalise_space(text)
    if len(quote) <= QUOTE_CAP:
        return quote
    cut = quote.rfind(" ", 0, QUOTE_CAP + 1)
    return quote[: cut if cut > QUOTE_CAP // 2 else QUOTE_CAP]
