"""Words, stems, sentences and numbers: the small text tools retrieval and answering share."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_EN_PLUS

_STEMMER = Stemmer.Stemmer("english")
STOPWORDS = frozenset(STOPWORDS_EN_PLUS) | frozenset(
    """what which who whom whose how when where why did does do done was were is are be been being
    the a an about say said says tell me there their its it any many much can could would should
    will shall may might must also up off under over into onto out get got someone somebody anyone
    thing things make makes made show shows showed shown kind sort way ways give given like
    according according to per own same other others themselves itself himself herself ourselves
    yes no not very more most less least just only still even again ever each every both either
    neither so than then too here hence thus therefore indeed really quite rather""".split()
)
# Words every report uses: they do not tell one paragraph from another.
GENERIC = frozenset(
    _STEMMER.stemWords(
        """inspector inspectors inspection inspections report reports found find finding findings
        yos youth offending service services team case cases child children young people person
        work area areas year years said say says note notes generally whether well first latest
        previous recent earlier since next last before after""".split()
    )
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*%?")
NUMBER_WORDS = {
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "half",
    "third",
    "quarter",
}
TIME_UNIT = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:working\s+)?(hours?|days?|weeks?|months?|years?)\b",
    re.I,
)
DATE = re.compile(
    r"\b\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b|\b(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|spring|summer|autumn|winter)\s+(?:19|20)\d\d\b",
    re.I,
)
_NAME = re.compile(
    r"\b(?:(?:Dr|Cllr|Mr|Mrs|Ms) )?([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)
INSTITUTIONAL = frozenset(
    """Youth Offending Service Services Team Board Management Justice Inspectorate Inspection Joint Full
    Short Quality Screening Chief Inspector Assistant Director Manager Council Court Police Probation
    Children Childrens Social Care Health Mental Public Protection Arrangements Agency Multi England
    Wales Ministry Local Authority Safeguarding Commission Office Head Chair Member Lead Elected The
    Key Areas Summary Context Vale Operational Crime Commissioner Education Learning National""".split()
)


def prints_person(text: str, places: Collection[str] = frozenset()) -> bool:
    """A person's name: two capitalised words, neither an institution's or a place's word."""
    for m in _NAME.finditer(text):
        first, last = m.group(1), m.group(2)
        if first in INSTITUTIONAL or last in INSTITUTIONAL or f"{first} {last}".lower() in places:
            continue
        if first.lower() in places or last.lower() in places:
            continue
        return True
    return False


_SENTENCE = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[A-Z0-9“\"'(])")


# Words a question uses for what reports print differently. Kept to a few the dev set showed.
SYNONYM_GROUPS = [
    ("printed", "paper"),
    ("inspected", "conducted", "fieldwork"),
    ("schooling", "education"),
    ("verdict", "judgement", "overall"),
]


def synonyms(stem_: str) -> set[str]:
    for group in _SYNONYM_STEMS:
        if stem_ in group:
            return set(group - {stem_})
    return set()


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


# Stems the Porter stemmer merges but the reports do not: a "rating" (Good, Outstanding) is not
# a reoffending "rate".
STEM_OVERRIDES = {"rating": "rating", "ratings": "rating", "rated": "rating"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    out = STEM_OVERRIDES.get(word) or _STEMMER.stemWord(word)
    # Snowball leaves "referral" as "referr" but "referred" as "refer": undouble a final consonant
    if len(out) > 3 and out[-1] == out[-2] and out[-1] not in "aeiou":
        out = out[:-1]
    return out


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
            if part and (keep_stopwords or part not in STOPWORDS):
                out.append(stem(part))
    return out


def content_terms(text: str) -> list[str]:
    """Stems that can tell one paragraph from another (no stopwords, no domain-generic words)."""
    return [t for t in dict.fromkeys(tokens(text)) if t not in GENERIC and not t.isdigit()]


def sentences(text: str) -> list[str]:
    parts = [s.strip() for s in _SENTENCE.split(text) if s.strip()]
    return parts or [text.strip()]


def has_number(text: str) -> bool:
    return bool(re.search(r"\d", text)) or any(w in NUMBER_WORDS for w in words(text))


def prints_count(text: str, focus: str) -> bool:
    """Does `text` print a number of `focus` things ("14 of the 16 cases", "1,460 hours of
    reparation")? `focus` is a stem; the number must come at most six words before it."""
    ws = words(text)
    for i, w in enumerate(ws):
        if re.fullmatch(r"\d+(?:[.,]\d+)*%?", w) or w in NUMBER_WORDS:
            if any(stem(x) == focus for x in ws[i + 1 : i + 7]):
                return True
    return False


_SYNONYM_STEMS = [frozenset(stem(w) for w in group) for group in SYNONYM_GROUPS]
