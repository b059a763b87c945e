"""What an answerer hands to the citation check: text with `[n]` markers and what each cites."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from findings.records import Abstention
from retrieval.hybrid import Hit

# A citation marker in an answer's text: `[1]`.
MARKER = re.compile(r"\[(\d+)\]")


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
