"""Words, stems, sentences and numbers: the small text tools retrieval and answering share."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_EN_PLUS

from findings import lexicon
from findings.vocab import MONTHS

_STEMMER = Stemmer.Stemmer("english")
STOPWORDS = frozenset(STOPWORDS_EN_PLUS) | lexicon.words_of(lexicon.STOPWORDS_EXTRA)
# Words every report uses: they do not tell one paragraph from another.
GENERIC = frozenset(_STEMMER.stemWords(sorted(lexicon.words_of(lexicon.GENERIC_WORDS))))
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*%?")
NUMBER_WORDS = lexicon.words_of(lexicon.NUMBER_WORDS)
TIME_UNIT = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:working\s+)?(hours?|days?|weeks?|months?|years?)\b",
    re.I,
)
DATE = re.compile(
    r"\b\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)(?:\s+(?:19|20)\d\d)?\b|\b(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|spring|summer|autumn|winter)\s+(?:19|20)\d\d\b",
    re.I,
)
# Days of one month: when fieldwork happened ("27-29 April 2015").
DATE_RANGE = re.compile(r"\d{1,2}\s*[-–]\s*\d{1,2}\s+[A-Z][a-z]+ \d{4}")
# A figure with its percent unit: "40.6%", "29 per cent" (group 1: the figure).
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b)")
# A share printed as a percentage, "N of M" or a fraction word.
PROPORTION = re.compile(
    r"\b\d+(?:\.\d+)?(?:%| ?per ?cent\b)|\b\d+ (?:out )?of (?:the )?\d+\b|\b(?:half|third|quarter|most|all)\b"
)
_NAME = re.compile(
    r"\b(?:(?:Dr|Cllr|Councillor|Mr|Mrs|Ms|Professor|Sir|Dame|Sergeant|Sgt|Constable|PC|"
    r"Superintendent|Detective) )*"
    r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)
INSTITUTIONAL = lexicon.words_of(lexicon.INSTITUTIONAL)


def prints_person(
    text: str,
    places: Collection[str] = frozenset(),
    common: Collection[str] = frozenset(),
    besides: Collection[str] = frozenset(),
) -> bool:
    """A person's name: two capitalised words, neither an institution's or a place's word, not
    both of them words printed in lower case elsewhere (`common`: "Rehabilitation Orders"); with
    `besides`, a person other than those (names in lower case: the ones a question names)."""
    return person_span(text, places, common, besides) is not None


def person_span(
    text: str,
    places: Collection[str] = frozenset(),
    common: Collection[str] = frozenset(),
    besides: Collection[str] = frozenset(),
) -> tuple[int, int] | None:
    """Where the first person's name in `text` is (see `prints_person`), of someone not in
    `besides`: "Who led the service before Joanna Pryce?" is not answered by Joanna Pryce."""
    return next(
        (s for s in _person_spans(text, places, common) if _name_at(text, s) not in besides),
        None,
    )


def names_in(
    text: str, places: Collection[str] = frozenset(), common: Collection[str] = frozenset()
) -> frozenset[str]:
    """The people `text` names (see `prints_person`), in lower case."""
    return frozenset(_name_at(text, s) for s in _person_spans(text, places, common))


def _name_at(text: str, span: tuple[int, int]) -> str:
    return " ".join(text[span[0] : span[1]].lower().split())


def _person_spans(
    text: str, places: Collection[str], common: Collection[str]
) -> Iterator[tuple[int, int]]:
    pos = 0
    while (m := _NAME.search(text, pos)) is not None:
        # a pair that is not a name may end where one starts ("Inspector Bethan Harcourt")
        pos = m.start(2)
        first, last = m.group(1), m.group(2)
        if first in INSTITUTIONAL or last in INSTITUTIONAL or f"{first} {last}".lower() in places:
            continue
        if first.lower() in places or last.lower() in places or first.lower() in STOPWORDS:
            continue  # "In Pellworth": a capitalised little word opens a sentence
        if first.lower() in common and last.lower() in common:
            continue  # "Youth Rehabilitation Orders", "Second Step": words, capitalised
        if first.lower() in MONTHS or last.lower() in MONTHS:
            continue  # "Since April 2020": a month is part of a date
        if any(w in INSTITUTIONAL for w in _capitalised_run(text[m.end() :])):
            # "Hatherdown Young Offender Institution", "Nethershire Clinical Commissioning
            # Group": the start of a body's name
            continue
        if _names_a_thing(text[: m.start()], first, places):
            continue  # "a programme called Steady Steps", "'Turning Point'", "Kestrel Vale Fire"
        yield m.span()
        pos = m.end()  # the next person starts after this one ("Joanna Pryce Head of …")


def _capitalised_run(after: str) -> list[str]:
    """The capitalised words that follow a pair without a break ("Commissioning Group" after
    "Nethershire Clinical"), up to the first that is not (an initialism, "HM Inspector" after
    a signature's name, is not), or that a comma or stop ends."""
    run = []
    for w in after.split():
        word = w.strip(",.;:")
        if not (word[:1].isupper() and word[1:2].islower()):
            break
        run.append(word)
        if word != w:
            break
    return run


def _names_a_thing(before: str, first: str, places: Collection[str]) -> bool:
    """Do the words before a capitalised pair make it a thing's name: a quotation mark right
    before it ("'Turning Point'"), a NAMES_A_THING word ("called Steady Steps"), or a place's
    name it follows ("Marshbury Second Step") or completes ("Kestrel Vale Fire": "Vale Fire")?"""
    if before.endswith(("'", "‘", '"', "“")):
        return True
    if before.rstrip()[-1:] in ("|", ",", ";", ":"):
        return False  # a cell or clause ends before it ("… for Dunmere | Gwen Alderton")
    last = [w.lower() for w in words(before)[-2:]]
    if not last:
        return False
    return (
        NAMES_A_THING.search(" ".join(last))
        or last[-1] in places
        or f"{last[-1]} {first.lower()}" in places
    )


# A grade as reports print it (findings.lexicon.GRADES), any case, longest first.
GRADE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, lexicon.GRADES), key=len, reverse=True)) + r")\b",
    re.I,
)
# A number as printed: `14`, `1,460`, `39.6` (a percentage sign after it is kept by callers).
# Not a number: a code's digits after a letter and hyphen ("COVID-19", "YOS-2"), a footnote's
# marker in brackets ("the reoffending rate [1] for Haverleigh").
NUMBER = re.compile(r"(?<![\w.\[])(?<![A-Za-z]-)\d+(?:[.,]\d+)*(?![\w\]])")


_SENTENCE = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[A-Z0-9“\"'(])")


def synonyms(stem_: str) -> set[str]:
    for group in _SYNONYM_STEMS:
        if stem_ in group:
            return set(group - {stem_})
    return set()


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each of `words(text)` is in `text`."""
    return [m.span() for m in _WORD.finditer(text)]


# A year as reports and questions write one.
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


YEAR_SPAN_DASHES = ("-", "/", "–")  # "2022-23", "2022/23", "2022–23"


MAX_PLAN_YEARS = 5  # a plan's period written "2022-25": a few years, no two far-apart years


def years(text: str) -> list[str]:
    """The years written in `text`, in order; a year written "2022-23" (a financial year)
    is both, and "2022-24" (a plan's years) each year it runs."""
    out: list[str] = []
    for m in YEAR.finditer(text):
        out.append(m.group(0))
        if _year_span(text, m):
            out.append(str(int(m.group(0)) + 1))
        else:  # a plan's years ("the Youth Justice Plan 2022-24"): every year it runs
            out.extend(str(y) for y in _years_run(text, m))
    return out


def _years_run(text: str, m: re.Match) -> range:
    """The later years of a period written "2022-24" (a plan's years, not one financial
    year): 2023 and 2024. Empty for any other year."""
    start, end = int(m.group(0)), _span_end(text, m)
    if end is None or not start + 1 < end <= start + MAX_PLAN_YEARS:
        return range(0)
    return range(start + 1, end + 1)


def year_spans(text: str) -> list[str]:
    """The financial years written in `text` ("2022-23"), as written."""
    return [text[m.start() : m.end() + 3] for m in YEAR.finditer(text) if _year_span(text, m)]


STARTED_AT = lexicon.words_of(lexicon.STARTED_AT)
HAPPENED_IN = lexicon.words_of(lexicon.HAPPENED_IN)


def start_span(text: str) -> tuple[int, int] | None:
    """Where `text` tells a time by the date it began: the date or year right after a
    STARTED_AT word ("in post since **September 2019**"). None when it tells none."""
    spans = word_spans(text)
    for i, (a, b) in enumerate(spans[:-1]):
        if text[a:b].lower() not in STARTED_AT:
            continue
        nxt = spans[i + 1][0]
        m = DATE.match(text, nxt)
        if m:
            return m.span()
        if is_year(text[nxt : spans[i + 1][1]]):
            return spans[i + 1]
    return None


def year_span(text: str) -> tuple[int, int] | None:
    """Where `text` tells the year something happened: a year right after a HAPPENED_IN word
    ("The Stannerley office closed in **2017**"). None when it tells none."""
    found = happened_years(text)
    return found[0] if found else None


def happened_years(text: str) -> list[tuple[int, int]]:
    """Every year `text` tells something happened in (`year_span`), in order."""
    spans = word_spans(text)
    return [
        spans[i + 1]
        for i, (a, b) in enumerate(spans[:-1])
        if text[a:b].lower() in HAPPENED_IN and is_year(text[spans[i + 1][0] : spans[i + 1][1]])
    ]


def spellings_of_year_span(span: str) -> list[str]:
    """ "2022-23" as reports may print it: "2022-23", "2022/23", "2022–23", with the second
    year in full, "2022/2023", in words, "2022 to 2023", and by the day a financial year ends,
    "(the year to) 31 March 2023"."""
    second = str(int(span[:4]) + 1)
    return [
        span[:4] + dash + century + span[5:]
        for century in ("", span[:2])
        for dash in YEAR_SPAN_DASHES
    ] + [f"{span[:4]} to {second}", f"31 March {second}"]


def _year_span(text: str, m: re.Match) -> bool:
    """Is the year at `m` the first of a financial year ("2022-23")?"""
    end = _span_end(text, m)
    return end is not None and end % 100 == (int(m.group(0)) + 1) % 100  # ("2099-00" too)


def _span_end(text: str, m: re.Match) -> int | None:
    """The last year of a period written from the year at `m` with its last two digits after
    a dash ("2022-24": 2024); None where no such two digits follow it."""
    tail = text[m.end() : m.end() + 4]
    if not (tail[:1] in YEAR_SPAN_DASHES and tail[1:3].isdigit() and not tail[3:4].isdigit()):
        return None
    start = int(m.group(0))
    return start - start % 100 + int(tail[1:3])


class Cue:
    """Phrases of `findings.lexicon` matched on a text's words, any case. A phrase is words
    separated by spaces: `a|b` is either word, a trailing `?` makes a word optional, a trailing
    `*` matches any ending, `*` alone is any one word and `#year` a year. `unless`: phrases that,
    starting where a match starts, cancel it ("prior to" is not "prior"); `not_after`: phrases
    (no optional words) whose last word is where a match starts: they cancel it ("offend
    again" is no "again")."""

    def __init__(
        self, phrases: Iterable[str], unless: Iterable[str] = (), not_after: Iterable[str] = ()
    ):
        self._phrases = [_compile(p) for p in phrases]
        self._unless = [_compile(p) for p in unless]
        self._not_after = [_compile(p) for p in not_after]

    def spans(self, text: str | list[str]) -> list[tuple[int, int]]:
        """Every (start, end) word span that matches, by start; `text` may be its words."""
        ws = words(text) if isinstance(text, str) else text
        out = []
        for i in range(len(ws)):
            if any(_match(ws, i, u) is not None for u in self._unless):
                continue
            if any(
                i + 1 >= len(p) and _match(ws, i + 1 - len(p), p) is not None
                for p in self._not_after
            ):
                continue
            for phrase in self._phrases:
                end = _match(ws, i, phrase)
                if end is not None:
                    out.append((i, end))
                    break
        return out

    def search(self, text: str | list[str]) -> bool:
        return bool(self.spans(text))

    def opens(self, text: str, clauses: bool = False) -> bool:
        """Does `text` open with a phrase, after any leading conjunction ("And was it…")? With
        `clauses`, a clause after one of its commas may too ("…, did it improve?")."""
        for clause in text.split(",") if clauses else [text]:
            ws = words(clause)
            i = 0
            while i < len(ws) - 1 and ws[i] in _LEADING:
                i += 1
            if any(_match(ws, i, p) is not None for p in self._phrases):
                return True
        return False


_LEADING = frozenset(lexicon.LEADING_CONJUNCTIONS)
_Slot = tuple[tuple[str, ...], bool]  # alternatives, optional


def _compile(phrase: str) -> list[_Slot]:
    slots = []
    for part in phrase.split():
        optional = part.endswith("?")
        slots.append((tuple(part.rstrip("?").split("|")), optional))
    return slots


def _word_matches(word: str, pattern: str) -> bool:
    if pattern == "*":
        return True
    if pattern == "#year":
        return is_year(word)
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return word == pattern


def _match(ws: list[str], i: int, slots: list[_Slot]) -> int | None:
    """The end of the match of `slots` at word `i` (the longest), or None."""
    if not slots:
        return i
    (alternatives, optional), rest = slots[0], slots[1:]
    if i < len(ws) and any(_word_matches(ws[i], a) for a in alternatives):
        end = _match(ws, i + 1, rest)
        if end is not None:
            return end
    return _match(ws, i, rest) if optional else None


NAMES_A_THING = Cue(lexicon.NAMES_A_THING)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    word = lexicon.MONTH_ABBREVIATIONS.get(word, word)
    out = lexicon.STEM_OVERRIDES.get(word) or _STEMMER.stemWord(word)
    # Snowball leaves "referral" as "referr" but "referred" as "refer": undouble a final consonant
    if len(out) > 3 and out[-1] == out[-2] and out[-1] not in "aeiou":
        out = out[:-1]
    return out


# what follows the apostrophe of a contraction (lexicon CONTRACTIONS, and "'s" of "what's"): a
# stopword contracted ("what's", "we're", "I'm") is a stopword; a name is not ("O'Brien")
CONTRACTED = frozenset(e.lstrip("'n") for e in lexicon.words_of(lexicon.CONTRACTIONS)) | {"s"}


def tokens(text: str, keep_stopwords: bool = False) -> list[str]:
    """Lower-cased, stemmed word tokens; hyphenated words also give their parts."""
    out: list[str] = []
    for w in words(text):
        pieces = w.split("-") if "-" in w else []
        # "multi-agency" also counts as "agency"; "out-of-court" stays whole, or it would
        # match every question about "court"
        parts = [w] + ([] if any(p in STOPWORDS for p in pieces) else pieces)
        for part in parts:
            part = part.strip("'")
            base, _, tail = part.partition("'")
            if part and (
                keep_stopwords
                or not (part in STOPWORDS or (tail in CONTRACTED and base in STOPWORDS))
            ):
                out.append(stem(part))
    return out


def content_terms(text: str) -> list[str]:
    """Stems that can tell one paragraph from another (no stopwords, no domain-generic words)."""
    return [t for t in dict.fromkeys(tokens(text)) if t not in GENERIC and not t.isdigit()]


def sentences(text: str) -> list[str]:
    parts = [s.strip() for s in _SENTENCE.split(text) if s.strip()]
    return parts or [text.strip()]


def number_words(text: str) -> list[re.Match[str]]:
    """Where `text` writes a number in words ("four conferences")."""
    return [m for m in _WORD.finditer(text) if m.group(0).lower() in NUMBER_WORDS]


def has_number(text: str) -> bool:
    return bool(re.search(r"\d", text)) or any(w in NUMBER_WORDS for w in words(text))


_NUMBER_LABELS = lexicon.words_of(lexicon.NUMBER_LABELS)


def amounts(text: str) -> list[re.Match[str]]:
    """The numbers `text` prints as amounts: not years (nor a year's end after its start:
    "24" of "2023/24"), not a number that names a part of the report ("Table 2",
    "standard 1.2": lexicon NUMBER_LABELS), and not a code written with a leading zero (a
    telephone number), nor a day of a date ("31 December")."""
    out = []
    for m in NUMBER.finditer(text):
        at = m.start()
        if at >= 5 and text[at - 1] in YEAR_SPAN_DASHES and is_year(text[at - 5 : at - 1]):
            continue
        before = list(_WORD.finditer(text, max(0, m.start() - 20), m.start()))
        labelled = bool(before) and (
            before[-1].group(0).lower() in _NUMBER_LABELS
            and text[before[-1].end() : m.start()].isspace()  # "Table 2", not "table. 2"
        )
        # a number with a leading zero is a code, not an amount ("Mobile: 07700 900482",
        # "0161 496 0371"); "0.5" and "0" stand for amounts
        code = _coded(text, m)
        if not (is_year(m.group(0)) or labelled or code or _dated(text, m, before)):
            out.append(m)
    return out


def _dated(text: str, m: re.Match[str], before: list[re.Match[str]]) -> bool:
    """Is the number a day of a date ("31 December 2022", "December 31"), not an amount?"""
    after = text[m.end() : m.end() + 12].split()[:1]
    month = [w.strip(",.").lower() for w in after] + (
        [before[-1].group(0).lower()]
        if before and text[before[-1].end() : m.start()] == " "
        else []
    )
    return m.group(0).isdigit() and int(m.group(0)) <= 31 and any(w in MONTHS for w in month)


def _coded(text: str, m: re.Match[str]) -> bool:
    """Is the number a code written with a leading zero, or a group of one ("0161 496 0371",
    "07700 900482")? A telephone number is no amount; "0.5" and "0" are amounts."""
    start = m.start()  # back over the digit groups set before it, a space apart
    while start > 1 and text[start - 1] == " " and text[start - 2].isdigit():
        start -= 2
        while start > 0 and text[start - 1].isdigit():
            start -= 1
    groups = text[start : m.end()].split()
    return any(len(g) > 1 and g[0] == "0" and g[1].isdigit() for g in groups)


_MONEY_SIGNS = "£$€"
_MONEY_SCALES = frozenset(lexicon.words_of(lexicon.MONEY_SCALES))
_CURRENCY_CODES = frozenset(lexicon.words_of(lexicon.CURRENCY_CODES))


def money_span(text: str) -> tuple[int, int] | None:
    """Where `text` prints a sum of money: a number after a currency sign or code, with its
    scale ("£1.4 million", "£250,000", "GBP 2.41 million"). None when it prints none."""
    return next(money_spans(text), None)


def money_spans(text: str) -> Iterator[tuple[int, int]]:
    """Each sum of money `text` prints (`money_span`), in order."""
    for m in NUMBER.finditer(text):
        sign = m.start() - 1
        while sign >= 0 and text[sign].isspace():  # "£ 3 bn"
            sign -= 1
        if _currency_code_ends(text, sign):
            sign -= 2
        elif sign < 0 or text[sign] not in _MONEY_SIGNS:
            continue
        end = _scale_joined(text, m.end())
        scale = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
        if scale and scale.group(0).lower() in _MONEY_SCALES:
            end = scale.end()
        yield sign, end


def _scale_joined(text: str, end: int) -> int:
    """The end of a sum whose scale is written onto its figure ("£2.31m", "£1.2bn"): the
    figure's decimals and the scale, where they follow `end`; else `end`."""
    at = end
    if text[at : at + 1] in (".", ","):
        digits = at + 1
        while digits < len(text) and text[digits].isdigit():
            digits += 1
        at = digits if digits > at + 1 else end
    scale = _WORD.match(text, at)
    if scale and scale.group(0).lower() in _MONEY_SCALES:
        return scale.end()
    return end


def _currency_code_ends(text: str, at: int) -> bool:
    """Does a currency's code, a word of its own ("GBP"), end at `at`?"""
    return (
        at >= 2
        and text[at - 2 : at + 1].lower() in _CURRENCY_CODES
        and (at == 2 or not text[at - 3].isalpha())
    )


def prints_count(text: str, focus: str) -> bool:
    """Does `text` print a number of `focus` things ("14 of the 16 cases", "1,460 hours of
    reparation")? `focus` is a stem; the number must come at most six words before it. A year
    counts nothing ("during 2023 after a restructure of Children's Services"). A sentence about
    "the number of" them that gives a figure tells it too ("the number of children entering the
    system … has fallen by 38 per cent")."""
    wanted = counted_forms(focus)
    for sentence in sentences(text) or [text]:
        ws = words(sentence)
        figures = [
            i
            for i, w in enumerate(ws)
            if (re.fullmatch(r"\d+(?:[.,]\d+)*%?", w) and not is_year(w)) or w in NUMBER_WORDS
        ]
        # (a percentage is a share of them, no count: "22% of out-of-court disposals")
        whole = [i for i in figures if not _a_percentage(ws, i)]
        if any(any(counts(ws, j, wanted) for j in range(i + 1, i + 7)) for i in whole):
            return True
        numbered = [
            i
            for i in range(len(ws) - 1)
            if ws[i] in ("number", "numbers")
            and ws[i + 1] == "of"
            and any(counts(ws, j, wanted) for j in (i + 2, i + 3))
        ]
        if numbered and any(i > numbered[0] for i in figures):
            return True
    return False


def _a_percentage(ws: list[str], i: int) -> bool:
    """Is the figure `ws[i]` a percentage ("22%", "22 per cent", "22 percent")?"""
    return (
        ws[i].endswith("%")
        or ws[i + 1 : i + 2] == ["percent"]
        or ws[i + 1 : i + 3]
        == [
            "per",
            "cent",
        ]
    )


_SYNONYM_STEMS = [frozenset(stem(w) for w in group) for group in lexicon.SYNONYM_GROUPS]
_PERSON_STEMS = frozenset(stem(w) for w in lexicon.words_of(lexicon.PERSON_NOUNS))


def counts(ws: list[str], i: int, forms: set[str]) -> bool:
    """Is `ws[i]` a word the count is of (its stem in `forms`)? Not when a job follows it: in
    "nine case managers" and "12 case manager posts" the cases are no count of children."""
    return (
        i < len(ws)
        and stem(ws[i]) in forms
        and not (i + 1 < len(ws) and stem(ws[i + 1]) in _PERSON_STEMS)
    )


def counted_forms(focus: str) -> set[str]:
    """The stems a count of `focus` things may be printed with: its own, its synonyms', and
    what reports count it as (children as "cases": lexicon COUNTED_AS)."""
    return {focus} | synonyms(focus) | _COUNTED_AS.get(focus, set())


_COUNTED_AS = {
    stem(w): {stem(v) for v in also.split()}
    for counted, (also, _reason) in lexicon.COUNTED_AS.items()
    for w in counted.split()
}


def within_edits(a: str, b: str, most: int) -> bool:
    """Are `a` and `b` at most `most` single-character edits apart (insert, delete, replace)?
    Levenshtein distance, stopped as soon as every path is over `most`."""
    if abs(len(a) - len(b)) > most:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > most:
            return False
        previous = current
    return previous[-1] <= most


# A word the reports never print is read as the printed word it misspells ("recomendations")
# when it is this long and this few edits away from one, and only one printed word of its
# first letter is: a shorter word may be a word of its own ("printed" is no "pointed"). A name
# is never respelled: "Weldmoor" may be a place no report covers, not "Wendmoor".
SPELL_ONE_EDIT_FROM = 9  # letters
SPELL_TWO_EDITS_FROM = 12


def respelled(text: str, printed, known, is_printed) -> str:
    """`text` with each long word no report prints (`is_printed(word)` false) and no known word
    (`known`: lower-case words a question may use, the lexicon's) replaced by the printed word
    of its first letter it misspells (a possessive keeps its "'s"): the one a single edit
    away, else the one two edits away for a long word; the text as it is when there is none, or
    more than one. Capitalised words (names) stay. `printed()` gives a dict from a first letter
    to printed words."""
    out = []
    last = 0
    for m in _WORD.finditer(text):
        w = m.group(0)
        stem_ = w[:-2] if w.endswith(("'s", "’s")) else w
        low = stem_.lower()
        if len(low) < SPELL_ONE_EDIT_FROM or not low.isalpha() or low in known or w[0].isupper():
            continue
        if is_printed(low):
            continue
        pool = printed().get(low[0], ())
        near = [c for c in pool if within_edits(low, c, 1)]
        if not near and len(low) >= SPELL_TWO_EDITS_FROM:
            near = [c for c in pool if within_edits(low, c, 2)]
        if len(near) != 1:
            continue
        out.append(text[last : m.start()] + near[0] + w[len(stem_) :])
        last = m.end()
    return "".join(out) + text[last:] if out else text


COUNTED_AFTER = Cue(lexicon.COUNTED_AFTER)
OCCURRENCES = lexicon.words_of(lexicon.OCCURRENCES)
COUNT_ADVERBS = lexicon.words_of(lexicon.COUNT_ADVERBS)


def counted_words(question: str, places: frozenset[str] = frozenset()) -> list[str]:
    """What a count question counts: the word right after "how many (of the)", "number of",
    past an area's name ("how many Brackenfold case managers" counts case managers), and the
    word after it when that is one of its own ("how many of the sampled cases": "sampled",
    "cases"), as either may be the noun a report counts; none when the first is a little word
    ("how many of them had…")."""
    ws = words(question)
    for _, end in COUNTED_AFTER.spans(ws):
        while end < len(ws) and unpossessed(ws[end]) in places:
            end += 1  # "how many of Lowmere's plans": plans
        if ws[end : end + 1] and ws[end] in OCCURRENCES:
            return []  # "how many times …": a number of the events, whatever they are called
        if ws[end : end + 1] and ws[end] in COUNT_ADVERBS:
            return []  # "how many actually got one?": what it counts was named before
        # a possessive names whose they are ("how many children's cases": children, cases)
        first = unpossessed(ws[end]) if end < len(ws) else ""
        if is_word(first) and first not in STOPWORDS:
            nxt = ws[end + 1] if end + 1 < len(ws) else ""
            return [first] + ([nxt] if is_word(nxt) and nxt not in STOPWORDS else [])
    return []


def unpossessed(w: str) -> str:
    """The word without a possessive ending: "children's" -> "children"."""
    return w.removesuffix("'s").removesuffix("’s")


def is_word(w: str) -> bool:
    """Letters, or letters joined by hyphens ("first-time"): no number, no stray mark."""
    return w.replace("-", "").isalpha()


def names_standard(question: str, subjects: Iterable[str], places: Collection[str] = ()) -> bool:
    """Does the question name one of the standards (`subjects`, as the ratings print them) by
    most of its words ("did the out-of-court policy and provision standard get top marks?");
    "parts of the service" is no "Partnerships and services"."""
    asked = {stem(w) for w in words(question) if w not in STOPWORDS and w not in places}
    for subject in subjects:
        named = {stem(w) for w in words(subject) if w not in STOPWORDS and is_word(w)}
        if named and 2 * len(asked & named) > len(named):
            return True
    return False


_RATE_NOUN_AFTER = lexicon.words_of(lexicon.RATE_NOUN_AFTER)


_GIVEN_BY = lexicon.words_of(lexicon.GIVEN_BY)
_GIVER_ENDS = lexicon.words_of(lexicon.GIVER_ENDS)
GIVER_WORDS = 3  # a giver is named in a few words ("the police and crime commissioner": police)


def giver_asked(question: str, places: Collection[str] = frozenset()) -> list[str]:
    """Who gave the sum or share a question asks of, as stems ("How much of the budget came
    from the police?": police; "… is paid by the local authority": local, authority): the
    words after "from" or "by" that follow a verb of giving, up to the next little word. None
    when no giver is asked of."""
    ws = words(question)
    for i in range(len(ws) - 2):
        if ws[i] in _GIVEN_BY and ws[i + 1] in ("from", "by"):
            named: list[str] = []
            for w in ws[i + 2 :]:
                w = unpossessed(w)
                if w in STOPWORDS or not is_word(w) or w in _GIVER_ENDS:
                    if named:
                        break
                    continue
                if w not in places:
                    named.append(w)
                if len(named) == GIVER_WORDS:
                    break
            return content_terms(" ".join(named))
    return []


def measure_words(question: str, places: Collection[str] = frozenset()) -> list[str]:
    """The measure a rate or average question names: the word after "average" ("average
    caseload"), the word before "rate" ("first-time entrant rate": "entrant"), else the words
    after "rate of" ("rate of first-time entrants"), "average" and what is counted for a count
    asked on average;
    none when "rate" is a verb ("How did inspectors rate planning?") or the rate is named by
    place only."""
    ws = words(question)
    for i, w in enumerate(ws[:-1]):
        # an average names what it averages right after it ("the average caseload per case
        # manager": "caseload")
        if w == "average" and _names_a_measure(ws[i + 1], places):
            return [ws[i + 1], w]  # "an average of 97 days" names the average by the word
    for i, w in enumerate(ws):
        # (a noun before a year too: "first time entrants rate 2016")
        if w != "rate" or (
            i + 1 < len(ws) and ws[i + 1] not in _RATE_NOUN_AFTER and not is_year(ws[i + 1])
        ):
            continue
        before = ws[i - 1] if i > 0 else ""
        if _names_a_measure(before, places):
            return [before]
        # ("the national rate for first-time entrants": the nation is whose rate, not what)
        after = ws[i + 1 : i + 4] if i + 1 < len(ws) and ws[i + 1] in ("of", "for") else []
        return [a for a in after if _names_a_measure(a, places) and a not in _RATE_NOUN_AFTER][:2]
    counted = counted_words(question, frozenset(places)) if "average" in ws else []
    if counted:
        # "How many cases did each case manager hold on average?": an average count, which a
        # passage tells beside the word ("held an average of 12 cases each"); "average" first
        return ["average", *counted]
    return []


_NATION = lexicon.words_of(lexicon.NATIONAL_CUES)


def _names_a_measure(word: str, places: Collection[str]) -> bool:
    return (
        is_word(word)
        and word not in STOPWORDS
        and word not in places
        and word not in _NATION
        and not word.endswith("'s")
    )
