"""ui/export.py: the evidence pack, exactly."""

from __future__ import annotations

from findings.records import Abstention, Answer, Citation
from findings.vocab import AbstainReason
from ui.chat import Turn
from ui.export import evidence_pack

CITED = Citation(
    n=1,
    report_id="marshbury_sqs_2016",
    report_title="Report of Short Quality Screening (SQS) of youth offending work in Marshbury",
    area="Marshbury",
    year=2016,
    section="Protecting the public",
    paragraph="2.2",
    ordinal=2,
    page=2,
    label="Marshbury SQS 2016 ¶2.2",
    quote="MAPPA referrals were made on time in all 4 cases.",
    score=0.8,
    text="MAPPA referrals were made on time in all 4 cases.  Managers <b>checked</b> each one.",
    publication_date="2016-05-18",
)
UNNUMBERED = Citation(
    n=2,
    report_id="kestrel_vale_sqs_2016",
    report_title=None,
    area="Kestrel Vale",
    year=2016,
    section="Summary",
    paragraph=None,
    ordinal=1,
    page=None,
    label="Kestrel Vale SQS 2016 · Summary ¶1",
    quote="The rate was 34.9%.",
    score=0.5,
    text="The rate was 34.9%.",
    publication_date=None,
)


def turns() -> list[Turn]:
    return [
        Turn(
            "What about MAPPA *referrals*?",
            Answer(
                "What about MAPPA *referrals*?",
                "“MAPPA referrals were made on time in all 4 cases.” [1]\nThe rate was 34.9%. [2]",
                False,
                "extractive",
                citations=[CITED, UNNUMBERED],
            ),
            filters={"area": "Marshbury", "year_from": 2015, "year_to": 2016},
        ),
        Turn("Ignored because it failed", error="question: is empty."),
        Turn(
            "How many staff?",
            Answer(
                "How many staff?",
                "The reports do not answer this question. Nothing on staff numbers.",
                True,
                "extractive",
                abstention=Abstention(
                    AbstainReason.NO_SUPPORTING_PASSAGE, "Nothing on staff numbers."
                ),
                related=[
                    {
                        "label": "Marshbury SQS 2016 ¶2.3",
                        "text": "All  case managers had <i>training</i>.",
                        "report_id": "marshbury_sqs_2016",
                        "section": "Protecting the public",
                        "paragraph": "2.3",
                        "ordinal": 3,
                    }
                ],
            ),
        ),
    ]


EXPECTED = """\
# Evidence pack

Generated 2026-11-26 10:30 by findings (Offline extractive) from /srv/store. Quotes are verbatim from the reports.

## 1\\. What about MAPPA \\*referrals\\*?

Filters: area Marshbury · 2015–2016

### Answer

“MAPPA referrals were made on time in all 4 cases.” \\[1\\]\\
The rate was 34.9%. \\[2\\]

### Citations

#### \\[1\\] Marshbury SQS 2016 ¶2.2

- Report: Report of Short Quality Screening (SQS) of youth offending work in Marshbury
- Area: Marshbury
- Published: 2016-05-18
- Section: Protecting the public
- Paragraph: 2\\.2
- Page: 2

Quote:

> MAPPA referrals were made on time in all 4 cases.

Full paragraph:

> MAPPA referrals were made on time in all 4 cases. Managers \\<b\\>checked\\</b\\> each one.

#### \\[2\\] Kestrel Vale SQS 2016 · Summary ¶1

- Report: kestrel\\_vale\\_sqs\\_2016
- Area: Kestrel Vale
- Published: not stated
- Section: Summary
- Paragraph: unnumbered (1st in its section)
- Page: n/a (the source has no pages)

Quote:

> The rate was 34.9%.

## 2\\. How many staff?

**The reports do not answer this question.**

Nothing on staff numbers.

Possibly related (not an answer):

- Marshbury SQS 2016 ¶2.3: All case managers had \\<i\\>training\\</i\\>.
"""


def test_evidence_pack_exact():
    assert (
        evidence_pack(turns(), "2026-11-26 10:30", "Offline extractive", "/srv/store") == EXPECTED
    )


def test_empty_conversation():
    assert evidence_pack([], "2026-11-26 10:30", "Offline extractive", "/srv/store") == (
        "# Evidence pack\n\nGenerated 2026-11-26 10:30 by findings (Offline extractive) from /srv/store. "
        "Quotes are verbatim from the reports.\n\nNo questions were answered in this conversation.\n"
    )


def test_plain_pack_is_the_markdown_pack_without_escapes():
    """The text download: every report character as printed, the same structure."""
    plain = evidence_pack(
        turns(), "2026-11-26 10:30", "Offline extractive", "/srv/store", plain=True
    )
    assert "\\" not in plain
    assert "## 1. What about MAPPA *referrals*?\n" in plain
    assert "#### [1] Marshbury SQS 2016 ¶2.2\n" in plain
    assert "- Paragraph: 2.2\n" in plain
    assert (
        "> MAPPA referrals were made on time in all 4 cases. Managers <b>checked</b> each one.\n"
        in plain
    )
    assert "- Report: kestrel_vale_sqs_2016\n" in plain
    assert "- Marshbury SQS 2016 ¶2.3: All case managers had <i>training</i>.\n" in plain
    # line for line the Markdown pack, once its escapes are read
    assert plain.splitlines() == [line.replace("\\", "") for line in EXPECTED.splitlines()]
