"""Turn a loaded document into a report of citable paragraphs.

`ReportParser.parse(doc)` groups lines into blocks, classifies each block (heading, numbered
paragraph, bullet, table row, header field, note, footnote, prose), rejoins paragraphs that a
page break or a footnote interrupted, attaches footnote bodies to the paragraph that references
them, and stamps every paragraph with its provenance (`report_id`, `section`, `paragraph`,
`ordinal`, `page`). Report metadata comes from `ingest.metadata`.

Parsing takes time linear in the document: a paragraph grows by appending pieces, never by
copying the text so far (a text file without blank lines is one paragraph of every line), and
nothing rescans a paragraph to look at its end. Nothing it hands on is giant, however the file
is laid out: a paragraph over `MAX_PARAGRAPH_CHARS` is split, a "heading" over
`MAX_HEADING_CHARS` is read as a paragraph (see `_split`, `_structure`, `_attach_footnotes`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from bm25s.stopwords import STOPWORDS_EN_PLUS

from findings.errors import IngestError
from findings.lexicon import CLAUSE_WORDS, GRADES, NOTES_HEADINGS, PROGRESS_STATUSES, words_of
from findings.records import Paragraph, ParsedReport, report_id_for
from findings.settings import Settings, get_settings
from findings.vocab import (
    LETTER_FORMULAS,
    MONTH_PATTERN,
    SIGN_OFFS,
    SUPERSCRIPT_DIGITS,
    TO_SUPERSCRIPT,
    list_kind,
)
from ingest.load import (
    SOFT_HYPHEN,
    TABLE_LABEL_WORDS,
    Line,
    LoadedDocument,
    load_document,
    unexpected_error,
)
from ingest.metadata import extract_metadata, states_score
from ingest.records import GROUP_LINE, RATING_LINE, extract_records
from ingest.version import PARSER_VERSION as PARSER_VERSION  # bump it there when parsing changes
from ingest.version import report_version

# `o` is the sub-item bullet Word's lists become in text ("  o plans prepared …"): only before
# a lower-case word, so a sentence never loses a leading "O"
# "·" is a bullet from a PDF whose font lacks "•"; U+F0B7 is Word's Symbol-font bullet as
# PDF-to-text conversions extract it
BULLET = re.compile(r"^(?:[-•*▪●◦–·\uf0b7]\s+(?=\S)|o\s+(?=[A-Za-z]))")
# `1.1.`, `2.1.1`, `1.1)`, `(3)`, `3.` or `3)` in front of a paragraph, optionally after a bullet
NUMBER = re.compile(
    r"^(?:[-•*▪●–]\s*)?(?:\((\d+(?:\.\d+)*|[a-z])\)|(\d+(?:\.\d+)+)[.)]?|(\d+)[.)])\s+(?=\S)"
)
A_WORD = re.compile(r"[^\W\d_]{3}")  # three letters together: a word a heading can head with
NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(.+)$")
# the number a heading may carry: a chapter's ("4"), or a part's in it ("2.3"); no report has
# more than a score of chapters, so "46" or "168" opening a line is a figure, not a number
HEADING_NUMBER = re.compile(r"^(?:1?\d|20)(?:\.\d{1,2})*$")
# a date line ("8 December 2017", "December 2022", a cover's "Published June 2023")
WHOLE_DATE = re.compile(
    rf"^(?:published:?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_PATTERN}\s+\d{{4}}$", re.I
)
FOOTNOTE = re.compile(rf"^([{SUPERSCRIPT_DIGITS}]+)\s*(.+)$")
# A line of a report's front block that names the inspectorate or the kind of report.
FRONT_LINE = re.compile(r"\b(?:inspectorate|inspection|report)\b", re.I)
BRACKET_FOOTNOTE = re.compile(r"^(\[\d{1,3}\])\s+(\S.*)$")
BRACKET_MARKER = re.compile(r"\[\d{1,3}\]")
# A title or front-block line that names a kind of inspection ("a thematic inspection in …").
INSPECTORATE_NAME = re.compile(
    r"(?:(?:HM|Her Majesty's|His Majesty's) )?Inspectorate of Probation", re.I
)
KIND_TITLE_WORDS = 3  # a title naming the report's kind: "Inspection of youth …"
WRAP_REACHED = 3  # lines: a wrapped text's longest lines all reach its width
NAMES_A_KIND = re.compile(r"\b(?:inspection|thematic)\b", re.I)
FIELD = re.compile(r"^([A-Z][A-Za-z ()/'&-]{1,80}):[ \t]*(.*)$")
NOTE = re.compile(r"^Note\s+(\d+)\s*[:.]\s*(.+)$", re.I)
TERMINAL = ".!?:;)\"'”’"  # a text ending in one of these does not run on into the next block
MARKER_RUN = re.compile(rf"[{SUPERSCRIPT_DIGITS}]+")

# A paragraph longer than this is stored as several (a 49 MB one-line text file would otherwise be
# one paragraph that every later step, and every quote, has to carry); see `_split`.
MAX_PARAGRAPH_CHARS = 20_000
# A heading longer than this is a paragraph marked as a heading: read as one, it would become the
# section name stamped on every paragraph below it.
MAX_HEADING_CHARS = 300
# a quotation set as a whole line ("'We've got the data … any good.'"), however large a
# designed page sets it (a pull quote): words spoken, not a heading; a line of a few words
# right under it names who spoke ("Board member", "Child, aged 16") and belongs to it
QUOTATION = re.compile(r"^['\"‘“].{12,}[.!?…]['\"’”]$")
SPEAKER_WORDS = 6
# A line "Label: value" starts a header field when the label has at most this many words
# ("Chair of the management board: …"); a longer run before a colon is a sentence.
MAX_FIELD_LABEL_WORDS = 6
# "1.1<TAB>" or "•<TAB>": a paragraph number or a bullet, then a tab
# (`o`: the second-level bullet of Word's plain-text export)
NUMBER_TAB = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[-•*▪●◦–·\uf0b7o])\t")
# A contents entry: a heading's text, then a tab, dot leaders or spaces and its page number
# ("1.1 Governance and leadership<TAB>12", "Annex 1: Methodology ........ 22").
CONTENTS_ENTRY = re.compile(r"^(\S.*?)[\s.…·|]+(\d{1,3})$")
CONTENTS_ENTRY_CHARS = 120  # with its dot leaders one "…": a page's width of dots is no text
LEADER_DOTS = re.compile(r"[.…·](?:\s?[.…·]){3,}")
MIN_CONTENTS_RUN = 3
MAX_COVER_FIELD_WORDS = 3  # "Publication date", "Lead inspector": a field's label, set large
# A "Standard: grade" line longer than this is a sentence, not a rating line.
MAX_RATING_LINE_CHARS = 120
# Footnote markers are looked up up to this many digits long (see `_attach_footnotes`).
MAX_MARKER_DIGITS = 8
# The section of prose that follows a list's items under a list heading (a letter's thanks and
# contact details after "Areas requiring improvement"): an unheaded part, not one more item.
CLOSING = "Closing"
LABEL_WORDS = 5  # the most words of a list's name set as a line of body text


@dataclass
class _Block:
    text: str
    page: int | None
    role: str | None = None
    level: int | None = None
    lines: int = 1
    broken: bool = False  # it starts a new column of a page set in columns
    whole: bool = False  # a line of a text written a paragraph to a line: nothing runs on into it
    field: bool = False  # a line of a run of `Label: value` lines (`_field_runs`): no heading
    copied: bool = False  # a line of a text copied from a PDF viewer (`_copied_from_viewer`)
    lined: bool = False  # a line of a web page's text as a browser copies it (`_lined`)
    larger: bool = False  # a PDF's heading in larger type than the body's (`Line.larger`)
    titles_table: bool = False  # `Line.titles_table`


@dataclass
class _Para:
    section: str
    section_path: str
    kind: str
    number: str | None
    text: str
    page: int | None
    footnotes: list[str] = field(default_factory=list)
    end_page: int | None = None
    run: int = 0  # which heading instance it sits under: ordinals count within one run
    columns: list[str] = field(default_factory=list)  # a table row's header cells
    pieces: list[str] = field(default_factory=list)  # `text` while blocks join it (`_join_to`)
    unmarked: bool = False  # a list item printed without its bullet (`_unmarked_item`)
    marker: str = ""  # the bullet a list item was printed with ("•", "o")
    nested: bool = False  # a list item that took in the items of a list under it

    def extend(self, text: str) -> None:
        """Join a block that continues this paragraph (`finish` makes `text` whole again)."""
        if not self.pieces:
            self.pieces = [self.text]
        _join_to(self.pieces, text)

    def ends_sentence(self) -> bool:
        return (self.pieces[-1] if self.pieces else self.text)[-1:] in TERMINAL

    def finish(self) -> None:
        if self.pieces:
            self.text, self.pieces = "".join(self.pieces), []


class ReportParser:
    """One public method: `parse(doc) -> ParsedReport`."""

    def parse(self, doc: LoadedDocument) -> ParsedReport:
        report_id = report_id_for(doc.path)
        blocks = _section_titles(
            _header_rows(
                _headings_rejoined(_blocks(_without_contents(doc.lines), doc.format == "txt"))
            )
        )
        front = {
            b.text.partition(":")[0].strip().lower(): b.text.partition(":")[2].strip()
            for b in blocks
            if b.role == "meta"
        }
        # Markdown, HTML and Word mark their headings; only plain text and PDF need guessing,
        # and a PDF whose fonts mark its headings only for label lines such as "Copy to:".
        # (a title set large alone is no such mark: a scanned letter's text layer sizes each
        # line by its height, so its title alone stands out, and its section headings do not)
        labels_only = doc.format == "pdf" and sum(b.role == "heading" for b in blocks) > 1
        paras, title, footnotes = _structure(
            [b for b in blocks if b.role != "meta"],
            infer_headings=doc.format in ("txt", "pdf"),
            labels_only=labels_only,
        )
        _endnotes(paras, footnotes)
        _attach_footnotes(paras, footnotes)
        paras = _counted_items(_signatures_joined(paras))
        paragraphs = _number(report_id, paras)
        meta = extract_metadata(report_id, title, paragraphs, front)
        meta.source_path = str(doc.path)
        meta.source_sha256 = doc.sha256
        meta.format = doc.format
        meta.pages = doc.pages
        meta.paragraphs = len(paragraphs)
        report = ParsedReport(meta=meta, paragraphs=paragraphs, version=report_version(doc.sha256))
        report.records = extract_records(report)
        if meta.lead_inspector is None:  # printed only as a sentence the records read
            meta.lead_inspector = next(
                (r.value for r in report.records if r.subject == "lead_inspector"), None
            )
        return report


_SIGNED_NAME = re.compile(r"^(?:[A-Z][a-z][\w'’-]*\s+){1,2}[A-Z][a-z][\w'’-]*$")
MAX_SIGNATURE_TITLE_WORDS = 10


def _signatures_joined(paras: list[_Para]) -> list[_Para]:
    """A sign-off set a line a paragraph ("Gareth Pellowe", then "HM Inspector of Probation
    (lead inspector)") is one paragraph, as a letter typed line under line gives it: the name
    and the title that says who signed."""
    out: list[_Para] = []
    signed: _Para | None = None  # the sign-off being joined (a title may take two lines)
    for p in paras:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == p.kind == "prose"
            and prev.section == p.section
            and (prev is signed or _SIGNED_NAME.match(prev.text))
            and _signer_title(p.text)
        ):
            prev.text = f"{prev.text} {p.text}"
            signed = prev  # "… HM Inspector of Probation" / "Lead Inspector"
            continue
        out.append(p)
    return out


def _signer_title(text: str) -> bool:
    """Is the line the title under a signer's name ("HM Chief Inspector of Probation", "Lead
    Inspector"): short, capitalised, no sentence, naming the Inspectorate's posts?"""
    return (
        text[:1].isupper()
        and len(text.split()) <= MAX_SIGNATURE_TITLE_WORDS
        and not text.endswith((".", ",", ":", ";"))
        and re.search(r"\b(?:Inspector|Inspectorate|Probation)\b", text) is not None
    )


def _signs_above(b: _Block, below: _Block | None) -> bool:
    """Is the line a name set over the signer's title, under a foreword or a letter ("Andrew
    Kellaway" in bold, then "HM Chief Inspector of Probation"): who signed, no heading?"""
    return (
        below is not None
        and below.role in (None, "p", "heading")
        and _SIGNED_NAME.match(b.text.strip()) is not None
        and _signer_title(below.text.strip())
    )


def parse_file(path: str | Path, settings: Settings | None = None) -> ParsedReport:
    """Read and parse one file. Every failure is an `IngestError` naming it."""
    settings = settings or get_settings()
    doc = load_document(Path(path), settings)
    try:
        return ReportParser().parse(doc)
    except IngestError:
        raise
    except Exception as exc:  # a parser bug must fail this file alone, not the run
        raise unexpected_error(doc.path, "parsing it", exc) from exc


# --- blocks ---------------------------------------------------------------------------------


def _starts_item(text: str) -> bool:
    s = text.strip()
    if BULLET.match(s) or NUMBER.match(s) or NOTE.match(s) or FOOTNOTE.match(s) or "\t" in text:
        return True
    m = BRACKET_FOOTNOTE.match(s)  # "[1] Ministry of Justice …", not a wrapped "[1] for …"
    if m and m.group(2)[:1].isupper():
        return True
    m = FIELD.match(s)  # `Publication date: 20 May 2015` lines in a front block
    # (not a sentence wrapped after its colon: "Arrangements are now used well: the three")
    return bool(
        m
        and m.group(2).strip()
        and not m.group(2).strip()[:1].islower()
        and len(m.group(1).split()) <= MAX_FIELD_LABEL_WORDS
    )


def _without_contents(lines: list[Line]) -> list[Line]:
    """The lines without a table of contents: a run of entries (a title and a page number;
    pages never going back) whose titles, at least half of them, stand later in the
    document as lines of their own, as its headings do. A typed list of figures ("Case
    managers<TAB>12") repeats no later line."""
    entries: list[tuple[int, str, int]] = []  # (line, title, page) of the current run
    drop: set[int] = set()

    def close() -> None:
        if len(entries) >= MIN_CONTENTS_RUN:
            pages = [page for _, _, page in entries]
            later = {
                " ".join(ln.text.split()).lower()
                for ln in lines[entries[-1][0] + 1 :]
                if len(ln.text) <= CONTENTS_ENTRY_CHARS
            }
            repeated = sum(title in later for _, title, _ in entries)
            if pages == sorted(pages) and 2 * repeated >= len(entries):
                drop.update(i for i, _, _ in entries)
        entries.clear()

    for i, ln in enumerate(lines):
        text = ln.text.strip()
        if ln.role == "blank" or not text:
            continue
        m = (
            CONTENTS_ENTRY.match(text)
            if ln.role != "heading" and len(LEADER_DOTS.sub("…", text)) <= CONTENTS_ENTRY_CHARS
            else None
        )
        if m is None:
            close()
            continue
        title = " ".join(m.group(1).rstrip(" .…·|").split()).lower()
        entries.append((i, title, int(m.group(2))))
    close()
    return [ln for i, ln in enumerate(lines) if i not in drop] if drop else lines


FRONT_LINE_WORDS = 6  # "HM Inspectorate of Probation" on a line of its own, under the title
UNWRAPPED_WIDTH = 250  # characters: no page sets a line this long; a paragraph to a line does
# a text with this few blank lines (page breaks) keeps no paragraph apart by them
MOST_BLANK_SHARE = 0.15
FULL_LINE_SHARE = 0.85  # of a copied text's width: a line's room, its font's letters being wider
# a key fact's value alone on a line: "94", "22,310", "£2,417,000", "31.4%", "41 (34.6 FTE)"
FIGURE_ONLY = re.compile(r"^[£$€]?\d[\d,]*(?:\.\d+)?%?(?: \((?:\d[\d.,]*) ?[A-Za-z]{0,5}\))?$")
# a key fact's value set alone on a line with its unit ("£2.41m", "48 staff", "56 cases"): no
# paragraph of the page before runs on into the fact it opens
FACT_VALUE = re.compile(r"^[£$€]?\d[\d,]*(?:\.\d+)?(?:%|m|bn|k)?(?: [a-z]+){0,2}$")
GRADE_CELLS = frozenset(GRADES) | frozenset(PROGRESS_STATUSES)
MAX_GRADED_LABEL_WORDS = 9  # "3.4 Out-of-court disposal policy and provision"
# a heading's verdict after a dash: "MAPPA – improved", "Contingency planning – not improved"
STATUS_AFTER = re.compile(
    rf"\s[–—-]\s(?:{'|'.join(re.escape(g) for g in sorted(GRADE_CELLS, key=len, reverse=True))})$",
    re.I,
)
MIN_LINES_A_PARAGRAPH = 20  # lines: fewer tell nothing of how a text sets its paragraphs


# a "Label: value" line with any label (a copy list's "Chief Executive, Pellbridge Borough
# Council: Helen Osgathorpe"), or a label whose value is on the next line
LOOSE_FIELD = re.compile(r"^[A-Z][^:.?!]{1,100}:(?:[ \t]+\S.*)?$")
FIELD_RUN = 3  # "Label: value" lines in a row that make a list of fields, one a line


def _field_runs(lines: list[Line]) -> set[int]:
    """The lines that open a field in a run of `Label: value` lines typed one a line (a copy
    list under "Copy to:"), at least `FIELD_RUN` of them with a value, a value wrapped to an
    indented next line staying with its label: each opens a block (wrapped to a page's width,
    they were joined into one paragraph, every role and name run together)."""
    out: set[int] = set()
    run: list[int] = []
    valued = 0

    def close() -> None:
        if valued >= FIELD_RUN:
            out.update(run)

    for i, ln in enumerate([*lines, Line("", None, "blank")]):
        text = ln.text.rstrip()
        m = LOOSE_FIELD.match(text) if ln.role is None and text[:1].strip() else None
        if m:
            run.append(i)
            valued += bool(text.partition(":")[2].strip())
        elif run and ln.role is None and text[:1].isspace() and text.strip():
            # the value of the label above, wrapped to an indented line
            valued += not lines[run[-1]].text.partition(":")[2].strip()
        else:
            close()
            run, valued = [], 0
    return out


def _blocks(lines: list[Line], plain: bool = False) -> list[_Block]:
    """Group inferred (plain-text) lines into blocks; structured lines stay one block each.
    `plain`: the lines are a plain-text file's (not Markdown's, whose line breaks are soft)."""
    out: list[_Block] = []
    open_block: _Block | None = None
    pieces: list[str] = []  # the open block's text (`_join_to`)
    has_tab = False  # whether the open block's text has a tab (a table row: nothing joins it)
    width = max((len(ln.text.rstrip()) for ln in lines if ln.role is None), default=0)
    wrap = _wrap_width(lines)
    line_a_paragraph = _a_paragraph_a_line(lines, width)
    copied = _copied_from_viewer(lines, width)
    # a letter's address block and date come before its salutation ("Dear Ms Okafor,"), a line
    # each: no line there is a heading (`_in_a_run` keeps them one block)
    salutation = next(
        (i for i, ln in enumerate(lines) if ln.text.strip().lower().startswith("dear ")), -1
    )
    # a signature under the sign-off ("Yours sincerely," / "Alan Bramwell" / "Assistant Chief
    # Inspector") is one block too
    signoff = next(
        (i for i, ln in enumerate(lines) if ln.text.strip().lower().startswith(SIGN_OFFS)), -1
    )
    # and the line after it, ending no sentence, is the letter's title ("Short Quality
    # Screening of youth offending work in Larkhaven" over "We recently completed …")
    subject = next(
        (
            i
            for i in range(salutation + 1, len(lines))
            if salutation >= 0 and lines[i].role is None and lines[i].text.strip()
        ),
        -1,
    )
    if subject >= 0 and lines[subject].text.strip()[-1:] in TERMINAL + ",":
        subject = -1
    lined = plain and _lined(lines, width)
    # a plain text wrapped to a page's width with blank lines between its paragraphs (as
    # `pdftotext -layout` writes a PDF) still sets a title or a heading straight above the
    # paragraph under it: a line that ended by choice ends its block there too
    laid = (
        plain
        and not copied
        and 0 < width < UNWRAPPED_WIDTH
        and not any(ln.role == "column" for ln in lines)  # (columns set their own widths)
    )
    depth = 0  # brackets the open block's text leaves open (a copied text's block goes on)
    broken = False  # the next block starts a new column
    is_item = False  # whether the open block is a list item
    hang: int | None = None  # the indent of the open item's first wrapped line
    fields = _field_runs(lines)
    for i, ln in enumerate(lines):
        if ln.role in ("blank", "column") or not ln.text.strip():
            _close(open_block, pieces)
            open_block = None
            broken = broken or ln.role == "column"
            continue
        if ln.role is not None:
            _close(open_block, pieces)
            open_block = None
            # (a table row keeps its empty cells: which column a cell is in is read from them)
            text = ln.text.strip(" \n") if ln.role in ("tr", "th") else ln.text.strip()
            out.append(
                _Block(
                    text, ln.page, ln.role, ln.level, larger=ln.larger, titles_table=ln.titles_table
                )
            )
            continue
        text = _numbered_with_tab(ln.text.rstrip())
        # (a table copied a cell to a line, in a viewer's copy or a reader's "Save as Text")
        if open_block is not None and open_block.lines == 1 and not has_tab:
            if FIGURE_ONLY.match(open_block.text) and text.strip()[:1].isupper():
                # a key fact copied value first, its label on the next line ("94" over
                # "Children under YJS supervision …"): one fact
                _join_to(pieces, text.strip())
                depth += text.count("(") - text.count(")")
                open_block.lines += 1
                continue
            if _graded_cell(open_block.text, text.strip()):
                # a table's row copied a cell to a line ("1.1 Governance and leadership" over
                # "Good"): the label and its grade, as a rating line prints them
                pieces.append(": " + text.strip())
                open_block.lines += 1
                continue
        if (
            open_block is not None
            and not has_tab
            and (
                not _starts_item(text)
                or (copied and depth > 0)
                or (_wrapped_dash(pieces[-1], text) and not _next_item(open_block.text, text))
                or _wrapped_number(open_block.text, pieces[-1], text)
                or _wrapped_year(pieces[-1], text)
            )
            and not (open_block.lines == 1 and _field_ended(pieces[-1], text, wrap))
            and (i not in fields or (copied and depth > 0))
            and not line_a_paragraph
            # a line longer than any page is wide that ends a sentence was never wrapped: its
            # paragraph ends there (Word's plain text puts a paragraph on a line)
            and not (len(pieces[-1]) > UNWRAPPED_WIDTH and pieces[-1].rstrip()[-1:] in TERMINAL)
            # a letter's salutation or sign-off ("Dear Ms Vossel,") opens a block in any
            # layout: a field wrapped above it ("… Assistant Director, Children's Social
            # Care") does not run on into it
            and not (
                text.strip().lower().startswith(LETTER_FORMULAS)
                and len(text.split()) <= FORMULA_WORDS
            )
            # nor does the letter's first line run on into its salutation
            and not (
                open_block.lines == 1
                and pieces[-1].strip().lower().startswith("dear ")
                and len(pieces[-1].split()) <= FORMULA_WORDS
            )
            # a laid-out list item's wrapped lines hang in (`hang`, the first one's indent): a
            # line set well back from them ("We would be grateful …" under the last area
            # requiring improvement) is not the item's (a line set back a column or two may be
            # an item whose bullet was misread: "e  Prompt referral …")
            and not (laid and hang is not None and _indent(ln.text) <= hang - HANG_SET_BACK)
            and not (
                laid
                and open_block.lines == 1
                and _heads_alone(pieces[-1].strip(), _texts_from(lines, i, 3), width)
                and not BULLET.match(open_block.text)
                and not _in_a_run(lines, i, open_block)  # an address, a signature: one block
            )
            # a key fact's value opens the next fact where values come first ("187" over its
            # label, then "£1,942,600" over its own); after a label it is that label's value
            and not (
                FIGURE_ONLY.match(text.strip())
                and (copied or bool(FIGURE_ONLY.match(open_block.text.split(" ", 1)[0])))
            )
            and not (
                copied
                and (
                    # a list's label ("Strengths:") is a line of its own, however full the
                    # line above it
                    (text.strip().endswith(":") and list_kind(text.strip()[:-1]))
                    # a letter's salutation or sign-off ("Yours sincerely,") opens a block,
                    # however full the line above it, and its title is a block of its own
                    or text.strip().lower().startswith(LETTER_FORMULAS)
                    or (subject >= 0 and i - 1 == subject)
                    or (
                        _ended_by_choice(pieces[-1].strip(), depth, text.strip(), width)
                        # (a run of short lines above the salutation is an address, one under
                        # the sign-off a signature: one block)
                        and not (
                            (i < salutation or 0 <= signoff < i) and _in_a_run(lines, i, open_block)
                        )
                    )
                )
            )
            and not (
                _ended_short(pieces[-1], width)
                and (
                    BULLET.match(open_block.text)
                    or (FRONT_LINE.search(text) and len(text.split()) <= FRONT_LINE_WORDS)
                    # a web page's text as a browser copies it: a blank line after each
                    # paragraph, a line break alone after a heading, a list's item, a table's
                    # row; nothing wrapped. A short line over one that opens anew ("Key
                    # strengths" over its first item) ended its block
                    or (lined and _opens_anew(text) and not _in_a_run(lines, i, open_block))
                )
            )
        ):
            _join_to(pieces, text.strip())
            depth += text.count("(") - text.count(")")
            has_tab = "\t" in pieces[-1]
            open_block.lines += 1
            if is_item and hang is None:
                hang = _indent(ln.text)
            continue
        _close(open_block, pieces)
        open_block = _Block(text.strip() if "\t" not in text else text.strip(" "), ln.page)
        open_block.broken, broken = broken, False
        # (a key fact's value opening a block, in a copied text, starts a fact of its own)
        open_block.whole = line_a_paragraph or bool(
            FIGURE_ONLY.match(text.strip()) or FACT_VALUE.match(text.strip())
        )
        open_block.field = i in fields
        open_block.copied = copied
        open_block.lined = lined
        pieces[:] = [open_block.text]
        is_item, hang = bool(BULLET.match(text.strip())), None
        depth = text.count("(") - text.count(")")
        has_tab = "\t" in open_block.text
        out.append(open_block)
    _close(open_block, pieces)
    return out


def _wrap_width(lines: list[Line]) -> int:
    """The width a text was wrapped at: the length its longest lines reach, `WRAP_REACHED` of
    them (a line or two longer than the rest, an email's "From: … [mailto:…]" or a web
    address, was never wrapped)."""
    lengths = sorted((len(ln.text.rstrip()) for ln in lines if ln.role is None), reverse=True)
    return lengths[min(WRAP_REACHED, len(lengths)) - 1] if lengths else 0


def _field_ended(line: str, following: str, width: int) -> bool:
    """Does a one-line `Label: value` block end at its line ("Head of Service: Rhodri Ferrers"
    above "Chair of the Management Board and Director of Children's Services: Philomena
    Pennock", a label too long to open an item)? Its value ends in a name or a figure, and the
    next line's first word would have fitted on it: a text wrapped at `width` (`_wrap_width`)
    would have put it there."""
    m = FIELD.match(line.strip())
    if not m or not m.group(2).strip() or line.rstrip()[-1:] in ",;-–":
        return False
    last = m.group(2).split()[-1]
    first = following.split()[0] if following.split() else ""
    return (last[:1].isupper() or last[:1].isdigit()) and (
        len(line) + 1 + len(first) < width or line.rstrip().endswith(".")  # a sentence ended
    )


def _heads_alone(line: str, below: list[str], width: int) -> bool:
    """In a text wrapped to a page's width with blank lines between its paragraphs, is a line of
    its own (`line`, over the lines `below` it, "" for a blank one) a heading set straight above
    its paragraph ("Introduction" over "We recently carried out …"), or a title over such a
    heading ("Short Quality Screening of youth offending work in Penwarden")? It ends no
    sentence and in no small word or comma, and the next line's first word would have fitted
    after it (`FULL_LINE_SHARE` of the width); the next line opens as a block does and goes on
    to the line after it (a paragraph's first line, not an address's last), and for a heading
    that word would have fitted even judged by the next line's own length (a column's wrapped
    line is as long as the column is wide)."""

    def ends_by_choice(a: str, b: str) -> bool:
        last = a.split()[-1] if a.split() else ""
        first = b.split()[0] if b.split() else ""
        return (
            bool(last and first)
            and len(a) + 1 + len(first) < FULL_LINE_SHARE * width
            and a[-1] not in TERMINAL + ",;-–/&"
            and last.lower() not in STOPWORDS_EN_PLUS
            and _opens_anew(b)
        )

    def heads(a: str, b: str, b_goes_on: bool) -> bool:
        return ends_by_choice(a, b) and b_goes_on and len(a) + 1 + len(b.split()[0]) < len(b)

    following, after, then = (below + ["", "", ""])[:3]
    return heads(line, following, bool(after)) or (
        ends_by_choice(line, following) and heads(following, after, bool(then))
    )


def _indent(text: str) -> int:
    """How many spaces a line is set in by."""
    return len(text) - len(text.lstrip(" "))


def _texts_from(lines: list[Line], i: int, n: int) -> list[str]:
    """The texts of lines `i` to `i + n - 1`: "" for a blank line, a structured one or none."""
    return [
        lines[k].text.strip() if k < len(lines) and lines[k].role is None else ""
        for k in range(i, i + n)
    ]


def _ended_short(line: str, width: int) -> bool:
    """In a text written a paragraph to a line (its longest line is longer than any page is
    wide), did the line end by choice: it fills less than half of that, so the next line's
    first word would have fitted after it? A list item then ends there (the next item opens
    with a dash, "– review plans…", or the next group does, "The Probation Service should:"),
    and so does a title line above "HM Inspectorate of Probation" (`_blocks`). A text wrapped
    to a page's width is left to the other rules, and so is a signature ("Name" / "HM Chief
    Inspector of Probation": one paragraph)."""
    return width >= UNWRAPPED_WIDTH and 2 * len(line.strip()) < width


def _lined(lines: list[Line], width: int) -> bool:
    """Is the text a web page's as a browser copies it (select all, copy): a paragraph a line
    with a blank line after it, a heading, a list's item or a table's row a line with none, and
    nothing wrapped (no line goes on in lower case on the next)?"""
    if width < UNWRAPPED_WIDTH or _no_blank_lines(lines):
        return False
    plain = [ln.text.strip() for ln in lines if ln.role is None]
    return not any(a and b[:1].islower() for a, b in zip(plain, plain[1:], strict=False))


def _in_a_run(lines: list[Line], i: int, open_block: _Block) -> bool:
    """Is line `i` in a run of three or more short lines, as a browser copies an address, a
    site's menu or a signature (a line each, no blank line between): one block, as before."""

    def short(k: int) -> bool:
        return (
            0 <= k < len(lines)
            and lines[k].role is None
            and 0 < len(lines[k].text.split()) <= RUN_LINE_WORDS
        )

    return short(i) and (open_block.lines >= 2 or (short(i - 1) and short(i + 1)))


HANG_SET_BACK = 3  # columns: a line this far left of a list item's wrapped lines is not its
# a salutation or sign-off is a short line of its own ("Dear Ms Vossel,", "Yours sincerely")
FORMULA_WORDS = 6
RUN_LINE_WORDS = 6  # "Head of Youth Offending Service", "41 Quay Street"


def _opens_anew(line: str) -> bool:
    """Does a line open as a block does: with a capital, a figure or a quotation mark?"""
    first = line.strip()[:1]
    return first.isupper() or first.isdigit() or first in "‘“'\"("


def _a_paragraph_a_line(lines: list[Line], width: int) -> bool:
    """Is the text written a paragraph to a line with no blank line between paragraphs (Word's
    "Save as Plain Text")? Its longest line is longer than any page is wide, so nothing in it
    wraps, and (almost) no line is blank: each line is then a paragraph, a heading or an item
    of its own ("Background" is not run into the paragraph under it). A text with blank lines
    between its paragraphs, wrapped or not, is left to the other rules."""
    return width >= UNWRAPPED_WIDTH and _no_blank_lines(lines)


def _copied_from_viewer(lines: list[Line], width: int) -> bool:
    """Is the text wrapped to a page's width with no blank line between its paragraphs, as a
    PDF viewer copies a page (a line per printed line)? Nothing but where a line ends then tells
    where a paragraph or heading ends (`_ended_by_choice`)."""
    return 0 < width < UNWRAPPED_WIDTH and _no_blank_lines(lines, page_breaks=True)


def _no_blank_lines(lines: list[Line], page_breaks: bool = False) -> bool:
    """Does a plain text of some length set (almost) no blank line between its paragraphs?
    With `page_breaks`, the blank lines where a page ends are none of them: `pdftotext` leaves
    several at each page break, where the page's running header and footer were (dropped by
    the loader)."""
    plain = [ln for ln in lines if ln.role in (None, "blank")]
    empty = [ln.role == "blank" or not ln.text.strip() for ln in plain]
    breaks = 0  # the blank lines where a page ends
    if page_breaks:
        # the page of the last line with text before each line, and of the next after it
        before: list[int | None] = []
        last: int | None = None
        for ln, e in zip(plain, empty, strict=True):
            before.append(last)
            if not e:
                last = ln.page
        after: list[int | None] = [None] * len(plain)
        last = None
        for i in range(len(plain) - 1, -1, -1):
            after[i] = last
            if not empty[i]:
                last = plain[i].page
        breaks = sum(
            1
            for e, b, a in zip(empty, before, after, strict=True)
            if e and b is not None and a is not None and b != a
        )
    blank = sum(empty) - breaks
    return len(plain) >= MIN_LINES_A_PARAGRAPH and blank <= MOST_BLANK_SHARE * (len(plain) - breaks)


def _graded_cell(label: str, line: str) -> bool:
    """Is `line` a grade or an area's progress alone ("Requires improvement", "Not improved")
    and `label` the short line naming what it grades, a table row copied a cell to a line?"""
    s = label.strip()
    return (
        line.lower() in GRADE_CELLS
        and line[:1].isupper()
        and 0 < len(s.split()) <= MAX_GRADED_LABEL_WORDS
        and s[-1:] not in TERMINAL + ",-–"
        and line.lower() not in s.lower()
    )


def _ended_by_choice(line: str, depth: int, following: str, width: int) -> bool:
    """In a text copied from a PDF viewer, did the open block end at its last line, `line`
    (`depth`: the brackets its text leaves open)? A
    paragraph's last line ends a sentence well short of the text's width: the next line's first
    word would have fitted after it, with room to spare for a proportional font's wider letters
    (`FULL_LINE_SHARE`; a line left short mid-sentence for a long next word fills more). A
    heading ("Foreword", "Strengths:") is a line under half the width, ending in no small word
    or comma, over a line that opens with a capital or a figure."""
    first = following.split()[0] if following.split() else ""
    if not line or not first or depth > 0:
        return False  # (a bracket left open goes on: "(England and Wales:" / "32.2%)")
    if (
        line[-1] in TERMINAL
        and (
            len(line) + 1 + len(first) < FULL_LINE_SHARE * width
            # a sentence's end over a short line that ends none: a name, a heading ("… to tackle
            # this." over "Tomas Velling")
            or (2 * len(following) < width and following[-1:] not in TERMINAL + ",;-–")
        )
    ):
        return True
    last = line.split()[-1]
    return (
        # a short line, or one the whole next line would have fitted after ("… released from
        # custody" over "Aldermoor Constabulary should:")
        (2 * len(line) < width or len(line) + 1 + len(following) < FULL_LINE_SHARE * width)
        and line[-1] not in ",;-–/&"
        and last.lower() not in STOPWORDS_EN_PLUS
        and (first[:1].isupper() or first[:1].isdigit() or first[:1] in "•£")
    )


def _close(block: _Block | None, pieces: list[str]) -> None:
    """Give the open block the text joined so far."""
    if block is not None and len(pieces) > 1:
        block.text = "".join(pieces)


def _wrapped_dash(left: str, line: str) -> bool:
    """`website - <http://…>` wrapped so the new line starts with `- `: not a bullet.
    `left` is the text before the line, or any end of it."""
    m = BULLET.match(line.strip()) if line.strip()[:1] in "-–" else None
    rest = line.strip()[m.end() :] if m else ""
    return bool(m) and left[-1:] not in TERMINAL and not (rest[:1].isupper() or rest[:1].isdigit())


def _next_item(item: str, line: str) -> bool:
    """Does `line` open with the very marker the open list item opened with ("-   " under
    "-   make sure …", as pandoc writes a list)? Then it is the next item, whatever it wraps."""
    a, b = BULLET.match(item), BULLET.match(line.strip())
    return a is not None and b is not None and a.group() == b.group()


def _numbered_with_tab(line: str) -> str:
    """ "1.1<TAB>Text …" or "•<TAB>Text …", as Word saves a numbered or bulleted paragraph as
    text: the tab after the number or bullet sets it off, as a space would; it is no table's
    cell break (a row has a tab after text)."""
    m = NUMBER_TAB.match(line)
    return line[: m.end() - 1] + " " + line[m.end() :] if m and line.count("\t") == 1 else line


def _wrapped_year(left: str, line: str) -> bool:
    """ "…since January" / "2020. She had…": a line opening with a year and a stop after a
    line left mid-sentence; no paragraph is numbered with a four-digit number."""
    m = NUMBER.match(line.strip())
    return bool(m and m.group(3) and len(m.group(3)) == 4 and left[-1:].isalpha())


def _wrapped_figure(left: str, line: str) -> bool:
    """ "…lower than the rate of" / "32.2 per cent for England and Wales.": a decimal figure
    that reads as a paragraph number opening a block, after a paragraph left mid-sentence in a
    small word, with lower case after it. A numbered paragraph's text opens in upper case; a
    list's item may open in lower case, numbered "5." ("5. obtain assurance …"), not "32.2"."""
    m = NUMBER.match(line.strip())
    if m is None or m.group(2) is None or not line.strip()[m.end() :][:1].islower():
        return False
    last = left.rsplit(None, 1)[-1:]  # the last word only: a paragraph may be long
    return bool(last) and last[0].lower() in STOPWORDS_EN_PLUS


def _wrapped_number(first: str, left: str, line: str) -> bool:
    """ "…children aged 10 to" / "17. In October 2019 …": a sentence wrapped so the new line
    starts with a number and a stop. Not an item when the paragraph is no item itself (no
    number or bullet opens it) and its text so far ends mid-sentence, in a small word (a
    list's item cut by a page break, "…where assessments or plans are weak" at the top of the
    next page, is followed by the next item, "3. ensure that …")."""
    m = NUMBER.match(line.strip())
    words = left.split()
    return (
        m is not None
        and m.group(3) is not None  # "17." alone: "1.2" numbers a paragraph wherever it stands
        and not (NUMBER.match(first) or BULLET.match(first))
        and bool(words)
        and words[-1] in STOPWORDS_EN_PLUS
    )


# The hyphen a typesetter draws where its automatic hyphenation broke a word (CSS
# `hyphenate-character`'s default, U+2010 HYPHEN, as WeasyPrint prints it); text typed with a
# hyphen uses U+002D
HYPHENATION_MARK = "\u2010"


def _join_to(pieces: list[str], right: str) -> None:
    """Join `right` onto the text held as `pieces` (it is `"".join(pieces)`), undoing line-end
    hyphenation (`accommo-`/`dation`).

    In pieces, so that a paragraph of n lines costs time linear in its length, not the quadratic
    of copying the text so far for every line. The last piece shows the end of the text: a
    one-character last piece can only be the first (every later one starts with a space or a
    lower-case letter), so nothing is before its hyphen."""
    last = pieces[-1]
    if last.endswith("-") and len(last) > 1 and "a" <= last[-2] <= "z" and right[:1].islower():
        # a compound broken at one of its own hyphens ("out-of-" / "court", "one-" /
        # "to-one": a hyphen goes on after the break, or a small word stands before it)
        # keeps it; a word broken by hyphenation ("accommo-" / "dation", "decision-mak-" /
        # "ing") loses it
        head, tail = last.rsplit(None, 1)[-1][:-1], right.split(None, 1)[0]
        compound = "-" in tail.rstrip(".,;:") or (
            "-" in head and head.rsplit("-", 1)[1].lower() in STOPWORDS_EN_PLUS
        )
        pieces[-1] = last if compound else last[:-1]
        pieces.append(right)
    elif last.endswith(SOFT_HYPHEN):  # a word broken where a soft hyphen let it be
        pieces[-1] = last[: -len(SOFT_HYPHEN)]
        pieces.append(right)
    elif (
        last.endswith(HYPHENATION_MARK)
        and len(last) > 1
        and last[-2].isalpha()
        and right[:1].islower()
    ):  # a word broken by a typesetter's automatic hyphenation ("case‐" / "work")
        pieces[-1] = last[:-1]
        pieces.append(right)
    else:
        pieces.append(" " + right)


# --- classification -------------------------------------------------------------------------


_CLAUSE_WORDS = words_of(CLAUSE_WORDS)
STANDARD_GRADE = re.compile(r"^\d\.\d\s+([^:]{2,60}):")  # "1.2 Staff: Outstanding"
# a standard's heading with its grade set beside it ("1.2. Staff    Outstanding"), the grade
# capitalised as a grade is printed
STANDARD_ROW = re.compile(r"^\d\.\d\s+[A-Z]")  # "1.3 Partnerships and services …"
STANDARD_ROW_WORDS = 8  # "3.4 Out-of-court disposal policy and provision": a name, no sentence
GRADE_AFTER = re.compile(rf"\s+(?:{'|'.join(re.escape(g.capitalize()) for g in GRADES)})$")


def _headings_rejoined(blocks: list[_Block]) -> list[_Block]:
    """A heading a converter split at a printed line's end into headings of the same level
    ("# Short Quality Screening of youth offending work in" / "# Wrendleby: findings from
    fieldwork undertaken in" / "# October 2016"): one heading, when each part but the last ends
    in a small word, mid-phrase."""
    out: list[_Block] = []
    for b in blocks:
        last = out[-1] if out else None
        if (
            last is not None
            and b.role == "heading"
            and last.role == "heading"
            and b.level == last.level
            and last.text.split()
            and last.text.split()[-1].lower() in STOPWORDS_EN_PLUS
        ):
            out[-1] = replace(last, text=f"{last.text.rstrip()} {b.text.strip()}")
            continue
        out.append(b)
    return out


def _names_columns(blocks: list[_Block], k: int) -> bool:
    """Is plain text's block `k` the first row of a table typed with tabs that names its
    columns ("Role<tab>Name" over the copy list, as a browser copies a table's header row)?
    Its cells are a word or two each, no figure, and each shorter than every cell below it in
    its column, over two rows or more."""
    b = blocks[k]
    # (or a web page's table whose header row is a row like the rest, as LibreOffice saves a
    # Word table: "Role | Name" over the copy list)
    if b.role not in (None, "tr") or "\t" not in b.text:
        return False
    if k and "\t" in blocks[k - 1].text and blocks[k - 1].role in (None, "tr", "th"):
        return False
    cells = [c.strip() for c in b.text.split("\t")]
    below = []
    for after in blocks[k + 1 :]:
        if after.role != b.role or "\t" not in after.text:
            break
        below.append([c.strip() for c in after.text.split("\t")])
    return (
        len(below) >= 2
        and all(len(row) == len(cells) for row in below)
        and all(
            c and len(c.split()) <= 2 and c[:1].isupper() and not any(ch.isdigit() for ch in c)
            for c in cells
        )
        and all(len(c) < min(len(row[j]) for row in below) for j, c in enumerate(cells))
    )


def _header_rows(blocks: list[_Block]) -> list[_Block]:
    """A table's first row marked as its header (`th`) that labels no columns, as a converter
    marks the first row of every table (Markdown has no table without one): in the front block,
    before any heading (an address block, "Ms Ann Lee | HM Inspectorate of Probation"), a row like
    the rest; a short label over a first column empty below it ("Copy to: | Mark Ellison, Chief
    Executive" over "| Andrew Pennington, …"), the label over the table and a row of the rest;
    such a label alone in its row ("Copy to: |"), the label over the table."""
    out: list[_Block] = []
    headed = False
    for k, b in enumerate(blocks):
        headed = headed or b.role == "heading"
        if _names_columns(blocks, k):
            out.append(replace(b, role="th"))
            continue
        if b.role != "th":
            out.append(b)
            continue
        cells = b.text.split("\t")
        label = cells[0].strip()
        below = []
        for after in blocks[k + 1 :]:
            if after.role != "tr":
                break
            below.append(after.text.split("\t")[0].strip())
        if (
            label.endswith(":")
            and len(label.split()) <= TABLE_LABEL_WORDS
            and below
            and not any(below)
            and any(c.strip() for c in cells[1:])
        ):
            out.append(replace(b, text=label, role="p"))
            out.append(replace(b, text="\t".join(["", *cells[1:]]), role="tr"))
        elif (
            label.endswith(":")
            and len(label.split()) <= TABLE_LABEL_WORDS
            and not any(c.strip() for c in cells[1:])
        ):
            # "Copy to: |" over the names: a label over the table, alone in its row
            out.append(replace(b, text=label, role="p"))
        elif not headed or any(_value_cell(c) for c in cells[1:]):
            # (a row of values is no header: "Protecting the public | 59%", a table's row that a
            # page break made the first of a table of its own)
            out.append(replace(b, role="tr"))
        else:
            out.append(b)
    return out


def _value_cell(cell: str) -> bool:
    """Does a table cell hold a value (a figure, a sum, a share, a grade), never a column's
    label?"""
    c = cell.strip()
    if re.fullmatch(r"(?:19|20)\d\d(?:/\d\d)?", c):
        return False  # a year labels a column of values ("Standard | 2019 | 2022")
    # (or a score after its label: "Score 26/36" in a ratings table's first row, which had
    # been dropped as the row naming the columns, the score with it)
    return (
        bool(re.match(r"[£$€]?\d", c))
        or c.lower() in GRADE_CELLS
        or re.search(r"\b\d{1,3}\s*/\s*\d{1,3}\b", c) is not None
    )


SECTION_NUMBER = re.compile(r"^(\d{1,2})\.?$")  # "1." alone: a part's number without its title
PART_TITLE = re.compile(r"^(\d{1,2})\.?\s+(\S.*)$")  # "3. Protecting the child"
PART_TITLE_WORDS = 10  # a part's title is a few words, not a sentence


def _section_titles(blocks: list[_Block]) -> list[_Block]:
    """A numbered part's title as a converter leaves it, read as one heading: its number set as
    a heading or line of its own over the title ("## 1." / "Reducing reoffending"; "4." / "##
    Ensuring the sentence is served"), or the title a plain line ("3. Protecting the child")
    where the next paragraph is the part's first ("3.1 …") and the parts beside it are
    headings. The heading takes the level of the report's numbered part headings."""
    numbered = [
        b.level for b in blocks if b.role == "heading" and b.level and b.text.strip()[:1].isdigit()
    ]
    level = max(set(numbered), key=numbered.count) if numbered else None
    out: list[_Block] = []
    k = 0
    while k < len(blocks):
        b = blocks[k]
        after = blocks[k + 1] if k + 1 < len(blocks) else None
        then = blocks[k + 2] if k + 2 < len(blocks) else None
        s = b.text.strip()
        alone = SECTION_NUMBER.match(s) if b.lines == 1 else None
        if (
            alone
            and b.role in ("heading", None, "p")
            and after is not None
            and (b.role == "heading" or after.role == "heading" or _opens_part(then, alone[1]))
            and after.role in ("heading", None, "p")
            and _part_title(after)
        ):
            own = (
                b.level if b.role == "heading" else after.level if after.role == "heading" else None
            )
            title = f"{alone[1]}. {after.text.strip()}"
            out.append(replace(b, text=title, role="heading", level=own or level or 2))
            k += 2
            continue
        part = PART_TITLE.match(s) if b.role in (None, "p") and b.lines == 1 else None
        if part and level and _part_title(replace(b, text=part[2])) and _opens_part(after, part[1]):
            b = replace(b, role="heading", level=level)
        out.append(b)
        k += 1
    return out


def _names_kind(name: str, first: bool = True) -> bool:
    """Does a heading name the report's kind ("Short Quality Screening of …", "Inspection of
    youth justice services in …"), as its title does? `first`: no heading came before it."""
    return bool(
        # (a title runs longer than a label: "Inspection details" heads the front block)
        (
            len(name.split()) >= KIND_TITLE_WORDS
            and re.match(r"^(Report|Inspection|An inspection|Full joint|Short quality)", name, re.I)
        )
        # "Children on remand: a thematic inspection in …" before any section
        or (first and len(name.split()) >= 4 and NAMES_A_KIND.search(name))
    )


def _part_title(b: _Block) -> bool:
    s = b.text.strip()
    return (
        b.lines == 1
        and s[:1].isupper()
        and len(s.split()) <= PART_TITLE_WORDS
        and s[-1:] not in TERMINAL
        and "\t" not in s
    )


def _opens_part(b: _Block | None, number: str) -> bool:
    """Is this block the first numbered paragraph of part `number` ("3.1 Assessments …")?"""
    return (
        b is not None
        and b.role in (None, "p")
        # a ratings table's row or list's line ("1.1 Governance and leadership: Good") opens
        # no part: the line above it names a group of grades
        and "\t" not in b.text
        and not _is_rating_line(b.text.strip())
        and re.match(rf"{number}\.1\.?\s", b.text) is not None
    )


def _looks_like_heading(b: _Block, infer: bool, labels_only: bool = False) -> bool:
    if states_score(b.text):
        # a banner over the ratings that gives the overall score ("Overall rating: Good.
        # Score: 24 out of 36", set large or in a heading's style) is a finding, not a part
        return False
    if b.role == "heading":
        # a date set large on a cover heads nothing, nor does a chart's figure set large
        # ("93%"): a heading has a word
        return not WHOLE_DATE.match(b.text.strip()) and bool(A_WORD.search(b.text))
    if not infer or b.role not in (None, "p") or b.lines > 1 or "\t" in b.text:
        return False
    if b.field and b.text.partition(":")[2].strip():
        return False  # "Chief Constable, Pell Valley Police: Sarah Linthwaite" in a copy list
    s = b.text.strip()
    if labels_only and not s.endswith(":"):
        return False
    if BULLET.match(s) or len(s) > 100 or len(s.split()) > 14:
        return False
    if s.lower().startswith(LETTER_FORMULAS):
        return False
    if re.search(r"[.;,!?]$", s) or not (s[:1].isupper() or s[:1].isdigit()):
        return False
    if s.endswith(":") and _CLAUSE_WORDS & set(s.lower().rstrip(":").split()):
        return False  # "The cases we inspected were made up as follows:" opens what follows
    m_field = FIELD.match(s)
    if m_field and m_field.group(2):
        return False
    m = NUMBERED_HEADING.match(s)
    if m and not m.group(2)[:1].isupper():
        return False
    if m and not HEADING_NUMBER.match(m.group(1)):
        return False  # a key figure before its label ("168  Children supervised by the YJS …")
    if WHOLE_DATE.match(s):
        return False  # a date line ("8 December 2017", "December 2022"), not a heading
    if not A_WORD.search(s):
        return False  # a postcode ("KW3 7PD"), a code or a figure: no word to head with
    if ":" in s and s.rpartition(":")[2].strip()[:1].isdigit():
        return False  # a key figure ("Children aged 10 to 17: 28,940"), not a heading
    return True


def _heads_table(b: _Block, after: _Block | None) -> bool:
    """A short label line right above a table ("Copy to:" over the copy list's rows), in a
    format that marks its headings (Word, HTML, Markdown) but not this one: it heads the
    table as a heading would."""
    s = b.text.strip()
    return (
        b.role == "p"
        and after is not None
        and after.role in ("tr", "th")
        and s.endswith(":")
        and len(s.split()) <= TABLE_LABEL_WORDS
        and not _CLAUSE_WORDS & set(s.lower().rstrip(":").split())
    )


def _speaker(b: _Block, above: _Block | None) -> bool:
    """Is the line the name of who said the quotation above it ("Board member" under
    "'We've got the data … any good.'")?"""
    s = b.text.strip()
    return (
        above is not None
        and QUOTATION.match(above.text.strip()) is not None
        and b.role in (None, "p")
        and 0 < len(s.split()) <= SPEAKER_WORDS
        and s[-1:] not in TERMINAL
        and not QUOTATION.match(s)
    )


MAX_SIGN_OFF_WORDS = 4  # "Yours sincerely", "With best wishes,", "Yours faithfully, Ms"


def _signed_under(b: _Block, above: _Block | None) -> bool:
    """Is the line the name signed under a sign-off ("Kind regards" / "Priya", "Yours
    sincerely" / "Gareth Pennock"), set on a line of its own: no heading, though a letter
    template sets it bold (or a heading style)?"""
    return (
        b.role in (None, "heading")
        and above is not None
        and above.text.strip().lower().startswith(SIGN_OFFS)
        # the sign-off alone: one that already holds the name and title ("Yours sincerely
        # Jocelyn Mayhew Assistant Chief Inspector") has its signer; "Copy to" under it heads
        and len(above.text.split()) <= MAX_SIGN_OFF_WORDS
    )


def _cover_field(b: _Block, label: str, paras: list[_Para]) -> bool:
    """A "Publication date: 15 April 2025" line set large on a PDF's cover, among its title
    lines, before any paragraph but fields and the cover's other lines: a field, not a
    heading. "Chapter 1: Introduction" (a label ending in a number) heads a part."""
    words_ = label.split()
    return (
        b.role == "heading"
        and len(words_) <= MAX_COVER_FIELD_WORDS
        and not words_[-1].rstrip(".").isdigit()
        and all(p.kind == "field" or p.section == "Header" for p in paras)
    )


def _heading_name(text: str) -> tuple[str, str | None]:
    # (a justified heading's words set apart by two spaces, as a PDF's layout text keeps
    # them: "Key  facts")
    s = " ".join(text.split()).rstrip(":").strip()
    m = NUMBERED_HEADING.match(s)
    if m and m.group(2)[:1].isupper():
        return m.group(2).strip(), m.group(1)
    return s, None


def _standard_graded(s: str) -> str | None:
    """The standard a numbered grade line grades ("1.2 Staff: Outstanding" -> "Staff"); None
    for any other grade line ("Rating: Good", "Overall rating: Good")."""
    m = STANDARD_GRADE.match(s)
    return m.group(1).strip() if m else None


def _graded_subject(s: str) -> str:
    """What a heading with its grade or progress grades ("Resettlement policy and provision:
    Requires improvement", "MAPPA – improved"): the words before the grade."""
    m = STATUS_AFTER.search(s)
    return s[: m.start()] if m else s.partition(":")[0]


def _own_grade(s: str) -> bool:
    """Is the grade line the grade of the part above it ("Rating: Good", "Our rating:
    Outstanding"), not one standard's of a list ("2.1 Assessment: Good")?"""
    return "rating" in s.partition(":")[0].lower().split()


def _is_rating_line(s: str) -> bool:
    """`2.4 Reviewing: Inadequate`, `Rating: Good`: a standard and its grade, not a heading."""
    return len(s) <= MAX_RATING_LINE_CHARS and RATING_LINE.match(s) is not None


def _is_label(s: str) -> bool:
    """A short line that names what follows (`2. Court disposals`), not a sentence, nor a
    field with its value (`Score: 21/36` over `Overall rating: Good` is a figure to keep)."""
    return (
        len(s.split()) <= 8
        and not re.search(r"[.;,!?:]$", s)
        and ": " not in s
        and (s[:1].isupper() or s[:1].isdigit())
    )


def _structure(
    blocks: list[_Block], infer_headings: bool = True, labels_only: bool = False
) -> tuple[list[_Para], str | None, list[tuple[str, str, int]]]:
    paras: list[_Para] = []
    footnotes: list[tuple[str, str, int]] = []  # (marker, body, index of interrupted paragraph)
    title: str | None = None
    section, path = "Header", ["Header"]
    levels: list[tuple[int, str]] = []  # heading stack for formats with levels
    seen_heading = False
    table_header: list[str] | None = None
    table_group: str | None = None
    group_of: list[str] = []  # the part (path) the table group heads rows in
    run = 0
    items = 0  # list items (bullets, numbered) so far under the current heading
    group: str | None = None  # an "X should:" line or a label over the lines that follow
    labelled = False  # the section is a list under a "Strengths:" label line, not a heading
    # the parts opened by a standard's grade line (`_standard_graded`), by its number
    standards: dict[str, list[tuple[int, str]]] = {}
    heads_at = -1  # the paragraphs made when the last heading (or a line under it) was read
    # headings ranked by type size: a PDF's in larger type and its bold lines in the body's
    ranked = any(b.role == "heading" and b.larger for b in blocks) and any(
        b.role == "heading" and not b.larger for b in blocks
    )

    # the blocks read as headings by their look alone, each with the count of paragraphs made
    # before it
    inferred: list[tuple[int, int]] = []
    # where the title was taken by its place alone (the first line, set as a heading), its page
    # and text: a heading naming the report's kind may yet take its place
    placed: tuple[int, int | None, str] | None = None
    # the part a list's heading ("Strengths") opened in: (section, path, levels)
    above_list: tuple[str, list[str], list[tuple[int, str]]] | None = None
    for k, b in enumerate(blocks):
        s = b.text.strip()
        if b.role == "heading" and (len(s) > MAX_HEADING_CHARS or QUOTATION.match(s)):
            b = replace(b, role="p")
        if _speaker(b, blocks[k - 1] if k else None) and paras and paras[-1].kind == "prose":
            paras[-1].extend(s)
            continue
        m_foot = FOOTNOTE.match(s) or _bracket_footnote(s, paras)
        if b.role == "footnote" or (m_foot and b.role in (None, "p")):
            m_any = m_foot or re.match(r"^(\S+)\s*(.+)$", s)
            if m_any is not None:  # a one-word footnote block has no body to attach
                footnotes.append((m_any.group(1), m_any.group(2).strip(), len(paras) - 1))
            continue
        if b.role == "th" and _field_head(s):
            # a header block as a table whose first row is a field like the rest ("To: |
            # Patrick Vellacott, Chair of …" over "Copy to: | …", Markdown's head row): a row
            b = replace(b, role="tr")
        if b.role == "th":
            table_header = s.split("\t")
            continue
        # header fields (`To:`, `Publication date:`) before the first heading
        in_front = not seen_heading
        pairs = _tabbed_fields(s) if in_front and b.role is None else []
        if pairs:
            # "To:<TAB>Harriet Lomax<TAB>Date:<TAB>14 July 2016": a header table's row of two
            # fields side by side is two fields
            for label, value in pairs:
                paras.append(
                    _Para(
                        section,
                        " > ".join(path),
                        "field",
                        None,
                        f"{label} {value}",
                        b.page,
                        run=run,
                    )
                )
            continue
        m_field = FIELD.match(s)
        if (
            m_field
            and m_field.group(2).strip()
            and len(s) < 120
            # ("li": "Published: 14 March 2014" in a list of the page's particulars)
            and (
                (in_front and b.role in (None, "p", "li"))
                or _cover_field(b, m_field.group(1), paras)
            )
        ):
            if title is None and _titled(m_field.group(1), m_field.group(2)):
                title = s  # "Children on remand: a thematic inspection in …": the title
                continue
            text = f"{m_field.group(1)}: {m_field.group(2).strip()}"
            paras.append(_Para(section, " > ".join(path), "field", None, text, b.page, run=run))
            continue
        m_note = NOTE.match(s)
        if m_note and b.role in (None, "p"):
            if section != "Notes":
                run += 1
            section, path = "Notes", ["Notes"]
            paras.append(_Para(section, "Notes", "note", None, s, b.page, run=run))
            continue
        # a part's heading with its grade ("Resettlement policy and provision: Requires
        # improvement" over the part's text): the part is the standard's, and the line is its
        # grade to cite
        titled_grade = (
            b.role == "heading"
            and _is_rating_line(s)
            and not _own_grade(s)
            # (a numbered standard's grade line opens its part below: `_standard_graded`)
            and _standard_graded(s) is None
            and s.partition(":")[0].strip().lower() != section.lower()
        ) or (b.role == "heading" and STATUS_AFTER.search(s) is not None)
        if b.role == "heading" and _is_rating_line(s) and not titled_grade:
            # a grade set as a heading ("Our rating for staff is: Outstanding" in bold under
            # "1.2 Staff"): a rating to cite, and the standard stays the section
            b = replace(b, role=None)
        if b.role in (None, "p") and len(s) <= MAX_HEADING_CHARS:
            if _is_rating_line(s):  # stored, so that a rating can be cited
                standard = _standard_graded(s)
                # (when the standard's first numbered paragraph follows it, "1.2.1 …": a grade
                # line in a list of grades, or over a summary, heads nothing)
                after = blocks[k + 1] if k + 1 < len(blocks) else None
                if (
                    standard
                    and after is not None
                    and after.role in (None, "p")
                    and after.text.strip().startswith(s.split()[0] + ".")
                ):
                    # "1.2 Staff: Outstanding" opening the standard's part, in plain type: it
                    # heads the part (its paragraphs were the last standard's "Strengths")
                    opened = {part[-1][1] for part in standards.values()}
                    while levels and (list_kind(levels[-1][1]) or levels[-1][1] in opened):
                        levels = levels[:-1]
                    levels = [*levels, ((levels[-1][0] if levels else 0) + 1, standard)]
                    path, section = [nm for _, nm in levels], standard
                    standards[s.split()[0]] = list(levels)
                    labelled, items, group = False, 0, None
                    run += 1
                context = " > ".join(path + ([group] if group else []))
                paras.append(_Para(section, context, "rating", None, s, b.page, run=run))
                continue
            if list_kind(section) and s.endswith(":") and GROUP_LINE.match(s[:-1].strip()):
                group = s[:-1].strip()  # "The YOS Management Board should:" over its items
                continue
            after = blocks[k + 1] if k + 1 < len(blocks) else None
            if (
                s.endswith(":")
                and list_kind(s[:-1])
                and after is not None
                and (after.role == "li" or BULLET.match(after.text.strip()))
            ):
                # "Strengths:" / "Areas for improvement:" in plain type over a standard's
                # bullets: a part of that standard, as the same words set as a heading are
                name = s[:-1].strip()
                if labelled:  # "Areas for improvement:" after the strengths: a sibling part
                    levels = levels[:-1]
                levels = [*levels, ((levels[-1][0] if levels else 0) + 1, name)]
                path, section, labelled = [nm for _, nm in levels], name, True
                run += 1
                items = 0
                group = None
                continue
            if (
                after is not None
                and after.role in (None, "p")
                and _is_label(s)
                # a line in capitals heads a part as the text's other headings do ("OVERALL
                # RATING" over "Delverton Youth Justice Service: Requires improvement")
                and not s.isupper()
                and _is_rating_line(after.text.strip())
                # ("1.1. Governance and leadership" over "Rating: Good" heads the standard
                # its own grade is for)
                and not _own_grade(after.text.strip())
            ):
                group = _heading_name(s)[0]  # "2. Court disposals" over its standards' grades
                continue
        if (
            (
                _looks_like_heading(b, infer_headings, labels_only)
                or _heads_table(b, blocks[k + 1] if k + 1 < len(blocks) else None)
            )
            and not _signed_under(b, blocks[k - 1] if k else None)
            and not _signs_above(b, blocks[k + 1] if k + 1 < len(blocks) else None)
            and not (k and _signs_above(blocks[k - 1], b))  # the title under that name
            and not _continues(paras, b, run)
            and not _cut_by_page(b, blocks[k + 1] if k + 1 < len(blocks) else None)
            and not _row_after_rows(paras, run, b)
            # a list's opening line under its heading ("Areas requiring improvement" over "The
            # following areas require improvement:") opens the list; it heads nothing
            and not (
                b.role is None
                and s.endswith(":")
                and list_kind(section)
                and not GROUP_LINE.match(s[:-1].strip())
            )
        ):
            name, _num = _heading_name(_graded_subject(s) if titled_grade else s)
            if not name:
                continue
            # a standard's heading with its grade ("1.2. Staff Outstanding"): the part is the
            # standard's, and the line, as printed, is the standard's grade to cite
            graded = GRADE_AFTER.search(name) if _num and "." in _num.strip(".") else None
            if graded and graded.start():
                name = name[: graded.start()]
            if (
                infer_headings
                # (not a heading in larger type than the text's bold lines, which a PDF's
                # loader ranks under it: "Key facts" over its table, after the ratings')
                and not (ranked and b.larger)
                # (nor a title its reader found between two tables: `Line.titles_table`)
                and not b.titles_table
                and _inside_table(paras, run, blocks[k + 1] if k + 1 < len(blocks) else None)
            ):
                # (where the format marks its tables and headings, a heading between two
                # tables ends the one and starts a part that holds the other)
                # a bold line between a table's rows ("Court disposals" over its standards'
                # grades) groups the rows below it; the text after the table is the section's
                table_group, group_of = name, path[:]
                continue
            if list_kind(section) and GROUP_LINE.match(s.rstrip(":").strip()):
                # "The Youth Justice Board should:" set as a heading under Recommendations
                # names who the items below are for: they stay recommendations
                group = s.rstrip(":").strip()
                continue
            level = b.level or (len(_num.split(".")) + 1 if _num else 1)
            names_kind = _names_kind(name, first=not seen_heading)
            if placed is not None and names_kind and not seen_heading:
                # the first line was taken for the title by its place alone, and it was a
                # line of the front block ("Ms Harriet Colquhoun" over the address, bold):
                # the heading that names the report's kind is the title, that line a line
                at, line_page, line = placed
                paras.insert(at, _Para("Header", "Header", "prose", None, line, line_page))
                title, placed = None, None
            if (
                names_kind
                and title is not None
                and not _names_kind(title)
                and not any(_sentences(p) for p in paras)
            ):
                # a heading over the letter's front block ("Inspection details", its first
                # heading) was taken for the title; the heading naming the report's kind, before
                # any finding, is the title ("Short Quality Screening of … in Fallowby")
                title = None
            if (title is None and list_kind(name) is None) and (
                # a first-level heading after the letter's first sentences is its first part
                # ("Context" after "To: …" and "The screening took place …"), not its title
                (b.level == 1 and not any(_sentences(p) for p in paras))
                # the first line of all, set as a heading: the title, whatever its type size
                # (one word, "Foreword", heads a part)
                or (
                    not paras
                    and not seen_heading
                    and not _num
                    and len(name.split()) > 1
                    and not FRONT_LINE.search(name)
                )
                or names_kind
            ):
                title = name
                if not paras and not seen_heading and not names_kind:
                    placed = (len(paras), b.page, name)
            table_header = None
            group = None
            if name == title:  # the title heads the report, not a section: what follows it
                continue  # stays in the part above it (the header block)
            if (
                not seen_heading
                and not _num
                and (
                    FRONT_LINE.search(name) or _subtitle(name, title, blocks[k - 1] if k else None)
                )
            ):
                # "HM INSPECTORATE OF PROBATION", "Thematic inspection report" over the title
                # block, "Gildersham Youth Justice Service" under the title: lines of the
                # header, not sections (its fields stay fields)
                paras.append(_Para(section, " > ".join(path), "prose", None, s, b.page, run=run))
                continue
            if (
                seen_heading
                and INSPECTORATE_NAME.fullmatch(name)
                and paras
                and paras[-1].kind == "table_row"
            ):
                # the site's name over its menu, printed where a browser's PDF sets it (among
                # the ratings' rows): a line of the header, which heads no part
                paras.append(_Para("Header", "Header", "prose", None, s, b.page))
                continue
            after = blocks[k + 1] if k + 1 < len(blocks) else None
            if (
                b.role == "heading"
                and after is not None
                and after.role == "heading"
                and b.level is not None
                and after.level is not None
                and after.level <= b.level
                and seen_heading
                and (_SIGNED_NAME.match(s) is not None or _signer_title(s))
            ):
                # a signature set as a heading over nothing, the next heading as high ("Jane
                # Doe HM Chief Inspector of Probation" under a foreword, then "Ratings"): it
                # heads no part, and its text stays, a line of the part above
                paras.append(_Para(section, " > ".join(path), "prose", None, s, b.page, run=run))
                continue
            if b.copied and not _num and b.role is None and heads_at == len(paras):
                # in a copied text, short lines under a heading that heads nothing yet are its
                # lines ("Ratings" over "Rookhaven Youth Justice Service" and "Score 23/36"),
                # not headings over nothing, whose text would be lost
                paras.append(_Para(section, " > ".join(path), "prose", None, s, b.page, run=run))
                heads_at = len(paras)
                continue
            seen_heading = True
            run += 1
            items = 0
            labelled = False
            if list_kind(name) and not list_kind(section):
                above_list = (section, list(path), list(levels))
            if b.level is not None or _num:
                levels = [(lv, nm) for lv, nm in levels if lv < level]
                levels.append((level, name))
                path = [nm for _, nm in levels]
            else:
                levels = [(level, name)]
                path = [name]
            section = name
            if b.role is None:
                inferred.append((k, len(paras)))
            if (graded and graded.start()) or titled_grade:
                paras.append(_Para(section, " > ".join(path), "rating", None, s, b.page, run=run))
            heads_at = len(paras)
            continue
        unmarked = _unmarked_item(
            paras, b, s, section, run, blocks[k + 1 : k + 2], grouped=group is not None
        )
        if not unmarked and _continues(paras, b, run):
            prev = paras[-1]
            prev.extend(s)
            prev.end_page = b.page
            continue
        kind, number, text = _classify(b, s, table_header)
        marker = s[:1] if kind == "bullet" and BULLET.match(s) else ""
        above = paras[-1] if paras else None
        if (
            kind == "bullet"
            and above is not None
            and above.kind == "bullet"
            and marker
            and above.marker
            and marker != above.marker
            and (above.nested or above.text.rstrip().endswith(":"))
        ):
            # "• Intervention plans should:" over "o contain specific, measurable targets",
            # "o be reviewed …": a list under an item, printed with another bullet, is the
            # item's own words (joined as printed: no punctuation is made up between them)
            above.extend(text)
            above.nested = True
            continue
        if kind == "numbered" and number:
            number, text = _list_made_number(number, text, paras)
        if unmarked and kind == "prose":
            kind = "bullet"
        if kind == "table_row" and not seen_heading:
            kind = "field"
        after_b = blocks[k + 1] if k + 1 < len(blocks) else None
        if (
            kind == "prose"
            and items
            and list_kind(section)
            and len(text.split()) <= LABEL_WORDS
            and text[-1:].isalpha()
            and list_kind(text)
            and after_b is not None
            and (after_b.role == "li" or BULLET.match(after_b.text.strip()))
        ):
            # "Areas for improvement" in the body's type after the strengths' items, over
            # bullets: the next list's name, a part beside the list's (not closing prose)
            levels = [*levels[:-1], ((levels[-1][0] if levels else 1), text)]
            path = [nm for _, nm in levels]
            section, items, run = text, 0, run + 1
            heads_at = len(paras)
            continue
        if kind == "prose" and items and list_kind(section) and not text.endswith(":"):
            if labelled:  # the list under a "Strengths:" label has ended: its part goes on
                levels = levels[:-1]
                path = [nm for _, nm in levels] or ["Header"]
                section, labelled, items = path[-1], False, 0
            elif QUOTATION.match(text) and above_list is not None:
                # a pull quote set after a part's list belongs to the part the list is in
                section, path, levels = above_list[0], list(above_list[1]), list(above_list[2])
                items = 0
            else:  # prose after a list's items is not an item: the letter's unheaded closing
                section, path, levels, items = CLOSING, [CLOSING], [], 0
            run += 1
        elif kind in ("bullet", "numbered"):
            items += 1
        if kind not in ("bullet", "numbered"):
            group = None  # prose ("In addition:") ends the group above
        context = " > ".join(path + ([group] if group else []))
        if kind == "table_row":
            if " | " not in text:  # a one-cell row ("2. Court disposals") heads the rows below it
                table_group = _heading_name(text)[0] if len(text) <= MAX_HEADING_CHARS else None
                group_of = path[:]
            elif table_group and group_of == path:
                # (the rows of its own part: a heading between, "Key facts" under the ratings
                # table's last group, starts a table of its own)
                context = f"{context} > {table_group}"
        else:
            table_group = None
        if kind == "numbered" and number and number.rpartition(".")[0] in standards:
            # "1.3.6" after a call-out box's heading ("What children told us") inside standard
            # 1.3's part: the paragraph is the standard's, as its number says
            levels = standards[number.rpartition(".")[0]]
            if levels[-1][1] != section:
                path, section, labelled, group = (
                    [nm for _, nm in levels],
                    levels[-1][1],
                    False,
                    None,
                )
                context = " > ".join(path)
                run += 1
        columns = list(table_header or []) if kind == "table_row" else []
        if kind == "table_row" and _header_again(paras, text, b.page):
            continue  # a table's header row printed again atop its next page
        paras.append(_Para(section, context, kind, number, text, b.page, run=run, columns=columns))
        paras[-1].unmarked = unmarked
        paras[-1].marker = marker
    # lines read as headings by their look that head nothing, at the end of a plain text (a
    # sign-off set a line a paragraph: "Gareth Pennock" / "HM Inspector of Probation" / "Lead
    # Inspector"), are its last paragraphs, not lost
    last = paras[-1] if paras else None
    for k in [k for k, made in inferred if made == len(paras)]:
        section = last.section if last else "Header"
        context = last.section_path if last else "Header"
        paras.append(
            _Para(section, context, "prose", None, blocks[k].text.strip(), blocks[k].page, run=run)
        )
    for p in paras:
        p.finish()
    return paras, title, footnotes


def _unmarked_item(
    paras: list[_Para],
    b: _Block,
    s: str,
    section: str,
    run: int,
    after: list[_Block] | None = None,
    grouped: bool = False,
) -> bool:
    """Is the block an item of a list whose bullets are drawn, not printed (a browser prints a
    list's markers as graphics, so the PDF's text has none; a text extraction drops Word's)?
    Under a list's heading, a block of its own opening in lower case after the list's opening
    line ("We found the following key strengths:", or "The Board should:" naming whom the
    items are for, `grouped`) or after such an item, on this page or the next (an item cut by
    a page break reads as two)."""
    if b.role not in (None, "p") or not list_kind(section) or not paras:
        return False
    prev = paras[-1]
    if b.lined and b.lines == 1 and _one_sentence(s) and not s.endswith(":"):
        # a browser's copy of a web page's list: an item a line, its marker not copied; the
        # first block of two sentences or more after them is prose again. A list's lead-in
        # (over "The service should:" or a marked item) is none of them
        if after and (after[0].text.strip().endswith(":") or BULLET.match(after[0].text.strip())):
            return False
        return (prev.run != run and prev.section != section) or (
            prev.kind == "bullet" and prev.unmarked
        )
    # (over a page break, a line in lower case after an item left mid-sentence goes on with
    # it: `_continues`)
    new_page = _after_page_break(prev, b)
    return (
        s[:1].islower()
        and prev.run == run
        and (
            (grouped and not new_page)
            or prev.text.rstrip().endswith(":")
            or (prev.kind == "bullet" and prev.unmarked)
        )
    )


def _one_sentence(s: str) -> bool:
    """Is the text one sentence (no sentence's end before its last word)?"""
    return not re.search(r"[.!?][”’\"')]?\s+[A-Z“‘\"(]", s.strip())


def _sentences(p: _Para) -> bool:
    """A paragraph of the letter's text: prose of a sentence or more, not a front-block line."""
    return p.kind in ("prose", "numbered") and len(p.text.split()) >= 12 and "." in p.text


def _subtitle(name: str, title: str | None, before: _Block | None) -> bool:
    """A heading set right under the title that names what the title names ("Gildersham Youth
    Justice Service" under "Inspection of youth justice services in Gildersham"): a
    capitalised word of the title again, not a section ("Foreword")."""
    if title is None or before is None or before.role != "heading":
        return False
    if " ".join(before.text.split()) != title and _heading_name(before.text)[0] != title:
        return False
    names = {w for w in re.findall(r"[A-Z][a-z]+", title)} - {title.split()[0]}
    return any(w in names for w in re.findall(r"[A-Z][a-z]+", name))


def _header_again(paras: list[_Para], text: str, page: int | None) -> bool:
    """Is this row the first row of the table it continues, printed again on a new page?"""
    if not paras or paras[-1].kind != "table_row" or page is None or paras[-1].page == page:
        return False
    first = len(paras) - 1
    while first > 0 and paras[first - 1].kind == "table_row":
        first -= 1
    return paras[first].text == text and " | " in text


def _inside_table(paras: list[_Para], run: int, after: _Block | None) -> bool:
    """Does a heading-like line stand between rows of one table (a table row above it in this
    part, a row below)? Not over a table's head row: that starts a table of its own ("Key
    facts" over "Measure | Pellmoor" after the ratings' last row)."""
    return (
        bool(paras)
        and paras[-1].kind == "table_row"
        and paras[-1].run == run
        and after is not None
        and (after.role == "tr" or ("\t" in after.text and after.role is None))
    )


def _list_made_number(number: str, text: str, paras: list[_Para]) -> tuple[str, str]:
    """ "1. 2 Where children failed …", a paragraph number an editor's list made an item of
    (Notion, typing "4.2" at a line's start, numbers it "1." and leaves "2"): read as the
    number after the last numbered paragraph's ("4.2" after "4.1"). Else as classified."""
    m = re.match(r"(\d{1,2}) (?=[A-Z])", text)
    last = next((p.number for p in reversed(paras) if p.kind == "numbered" and p.number), None)
    part, _, at = (last or "").rpartition(".")
    if m and "." not in number and part and at.isdigit() and int(at) + 1 == int(m.group(1)):
        return f"{part}.{m.group(1)}", text[m.end() :]
    return number, text


def _classify(b: _Block, s: str, table_header: list[str] | None) -> tuple[str, str | None, str]:
    if b.role == "tr" or ("\t" in s and b.role is None):
        # a ratings row such as "1.1 Governance and leadership | Good" keeps its number in its text
        cells = [c.strip() for c in s.split("\t") if c.strip()]
        return "table_row", None, " | ".join(cells)
    # (searched only in a short line opening with a standard's number: a grade's search, at
    # every place of a long run of spaces, would take time growing with its square)
    graded = (
        GRADE_AFTER.search(s) if STANDARD_ROW.match(s) and len(s) <= MAX_HEADING_CHARS else None
    )
    if graded and len(s[: graded.start()].split()) <= STANDARD_ROW_WORDS:
        # "1.3 Partnerships and services Requires improvement": a ratings table's row whose
        # cells a conversion set apart by a space only (a PDF's lines as HTML), read as the
        # row it is, its number kept in its text as a table's row keeps it
        return "table_row", None, f"{s[: graded.start()].strip()} | {s[graded.start() :].strip()}"
    m = NUMBER.match(s)
    if m and m.group(2) and not s[m.start(2) : m.end()].strip().endswith((".", ")")):
        # "27.9 per cent (England and Wales …)": a figure with its unit, no paragraph number
        # (a numbered paragraph opens with a capital, "1.2 Staff …")
        m = m if s[m.end() : m.end() + 1].isupper() or s[m.end()].isdigit() else None
    if m and (m.group(1) or m.group(2) or _sentence_like(s[m.end() :])):
        number = m.group(1) or m.group(2) or m.group(3)
        return "numbered", number, s[m.end() :].strip()
    mb = BULLET.match(s)
    if mb or b.role == "li":
        return "bullet", None, s[mb.end() :].strip() if mb else s
    return "prose", None, s


def _titled(label: str, value: str) -> bool:
    """A front-block line "Subject: a thematic inspection in …" is a title with a colon, not a
    field: its value names a kind of inspection and its label is no field's name."""
    return (
        len(value.split()) >= 3
        and ";" not in value  # "Cc: Marchbank, Helen (Cllr); Inspection Support": people
        and NAMES_A_KIND.search(value) is not None
        and not FRONT_LINE.search(label)
        and not re.search(r"\b(?:type|date|dates|fieldwork|published|kind)\b", label, re.I)
    )


def _bracket_footnote(s: str, paras: list[_Para]) -> re.Match | None:
    """`[1] Ministry of Justice …` after a paragraph that prints `[1]`: a footnote body in a
    text that marks its notes with bracketed numbers (a PDF-to-text conversion)."""
    m = BRACKET_FOOTNOTE.match(s)
    if m is None:
        return None
    marker = m.group(1)
    seen = any(marker in p.text or any(marker in q for q in p.pieces) for p in paras[-50:])
    return m if seen else None


def _sentence_like(text: str) -> bool:
    return len(text.split()) >= 6 or bool(re.search(r"[.!?]$", text.strip()))


def _after_page_break(prev: _Para, b: _Block) -> bool:
    """Does block `b` start over a page break from paragraph `prev` (on a later page, or at the
    top of the next column)?"""
    last_page = prev.end_page or prev.page
    return b.broken or (b.page is not None and last_page is not None and b.page > last_page)


def _continues(paras: list[_Para], b: _Block, run: int) -> bool:
    """A block that starts in lower case after a paragraph left mid-sentence continues it
    (the paragraph was split by a page break, a running header or a footnote)."""
    if not paras or b.role in ("heading", "tr", "th", "li") or b.whole:
        return False
    prev = paras[-1]
    if prev.run != run:  # a heading came between: a new part begins
        return False
    s = b.text.strip()
    new_page = _after_page_break(prev, b)
    if _starts_item(s):
        left = prev.pieces[-1] if prev.pieces else prev.text
        # "…since January" / "2020. She had…": a year wrapped to the next line, no number;
        # "…lower than the rate of" / "32.2 per cent for …": a figure at the top of the next
        # column, no paragraph number
        return _wrapped_year(left, s) or (
            prev.kind in ("prose", "numbered") and _wrapped_figure(left, s)
        )
    if prev.kind == "bullet":  # list items often end without a stop: only lower case runs on
        return s[:1].islower() and not prev.ends_sentence()
    # a numbered paragraph whose first line alone, a sentence's words and no stop, a blank
    # line a PDF's layout text set cut from the rest ("1.13 … replaced the older Turning" /
    # "Point course in 2019. …")
    cut = (
        prev.kind == "numbered"
        and "." in (prev.number or "")  # (a paragraph's "1.13", not a list's "6")
        and not prev.pieces
        and RUN_ON_MIN_WORDS <= len(prev.text.split()) <= RUN_ON_MAX_WORDS
        and prev.text[-1:].isalpha()
        and b.role in (None, "p")
    )
    if prev.kind in ("prose", "numbered") and not prev.ends_sentence():
        # (a short line at the top of a page, no sentence, heads what follows: "Ratings" under
        # the foreword's signature on the page before)
        return s[:1].islower() or ((new_page or cut) and _sentence_like(s))
    # a numbered paragraph runs on over a page break: an unnumbered block at the top of the
    # next page is its next sentence (a numbered report numbers each of its paragraphs)
    return new_page and prev.kind == "numbered" and _sentence_like(s) and b.role in (None, "p")


def _field_head(s: str) -> bool:
    """Is a table's head row a field with its value ("To:<TAB>Patrick Vellacott, …"), no
    column's name?"""
    cells = [c.strip() for c in s.split("\t")]
    return len(cells) >= 2 and cells[0].endswith(":") and any(cells[1:])


def _row_after_rows(paras: list[_Para], run: int, b: _Block) -> bool:
    """Is the line a standard's number, name and grade ("3.4 Out-of-court disposal policy and
    provision Requires improvement", its cells run together where the name filled its column)
    right after a ratings table's rows: the table's last row, not a standard's heading?"""
    s = b.text.strip()
    return (
        b.role is None
        and bool(paras)
        and paras[-1].kind == "table_row"
        and paras[-1].run == run
        and STANDARD_ROW.match(s) is not None
        and len(s) <= MAX_HEADING_CHARS
        and GRADE_AFTER.search(s) is not None
    )


RUN_ON_MIN_WORDS = 9  # a line this long over one in lower case is no heading: it runs on
RUN_ON_MAX_WORDS = 22  # a printed line's words, at most
SUBNUMBERED = re.compile(r"^\d+\.\d+\s+[A-Z]")  # "1.13 The service's …": a paragraph's number


def _cut_by_page(b: _Block, after: _Block | None) -> bool:
    """Is this line, inferred as a heading ("2.8 A victim worker contacted victims of offences
    committed by children"), the start of a paragraph that a page break cut, its next block
    running on in lower case at the top of the next page (or after a blank line, where it is
    as long as a sentence)? A heading never runs on."""
    if b.role is not None or after is None or after.role not in (None, "p"):
        return False
    new_page = after.broken or (
        after.page is not None and b.page is not None and after.page > b.page
    )
    # (or a long line, a sentence's words, that a blank line a PDF extraction set mid-paragraph
    # cut from the rest: "1.1 The management board is chaired by … the Harlshire Police" over
    # "commander for Bellingstow, who …")
    long = len(b.text.split()) >= RUN_ON_MIN_WORDS
    lower = after.text.strip()[:1].islower()
    # (a numbered paragraph's first line so cut, over a line in capitals that goes on with its
    # sentence: "1.13 … replaced the older Turning" over "Point course in 2019. It is …")
    numbered = SUBNUMBERED.match(b.text.strip()) is not None and _sentence_like(after.text)
    return (new_page and lower) or (long and (lower or numbered))


NOTES_WORDS = frozenset(words_of(NOTES_HEADINGS))


def _endnotes(paras: list[_Para], footnotes: list[tuple[str, str, int]]) -> None:
    """A part headed as notes (`NOTES_HEADINGS`: "Notes", "Endnotes") whose paragraphs are
    numbered 1, 2, 3 … in turn, every number printed before the part as a superscript marker
    ("33.6%¹"): the bodies of notes set in body type at a report's or a chapter's end. Each
    becomes a footnote (for `_attach_footnotes`) of the paragraph that carries its marker;
    the part's paragraphs are taken out (shifting the later footnotes' places)."""
    i = len(paras) - 1
    while i >= 0:
        p = paras[i]
        if p.number != "1" or not set(p.section.lower().split()) & NOTES_WORDS:
            i -= 1
            continue
        j = i
        while (
            j < len(paras)
            and (paras[j].section, paras[j].run) == (p.section, p.run)
            and paras[j].number == str(j - i + 1)
        ):
            j += 1
        before = "".join(q.text for q in paras[:i])
        numbers = [str(k) for k in range(1, j - i + 1)]
        if all(n.translate(TO_SUPERSCRIPT) in before for n in numbers):
            notes = [
                (n.translate(TO_SUPERSCRIPT), q.text, i - 1)
                for n, q in zip(numbers, paras[i:j], strict=True)
            ]
            footnotes[:] = [
                (m, body, at - (j - i) if at >= j else at) for m, body, at in footnotes
            ] + notes
            del paras[i:j]
        i -= 1


def _attach_footnotes(paras: list[_Para], footnotes: list[tuple[str, str, int]]) -> None:
    """A footnote body belongs to the paragraph that carries its marker (the first whose text
    has it), never inside another; one whose marker no paragraph carries goes to the paragraph
    it interrupted.

    Markers are looked up in an index of the superscript digits (and `[1]`-style brackets) in
    the text, so many footnotes cost no more than a few: markers of superscript digits up to
    `MAX_MARKER_DIGITS` long (no report has 10^8 footnotes), brackets of up to three digits;
    any other marker goes to the paragraph it interrupted. A
    paragraph's footnotes stay under `MAX_PARAGRAPH_CHARS` in all: a footnote that would take
    them over is a paragraph of its own, right after the one that carries its marker."""
    if not footnotes:
        return
    wanted = {m for m, _, _ in footnotes if len(m) <= MAX_MARKER_DIGITS and MARKER_RUN.fullmatch(m)}
    lengths = sorted({len(m) for m in wanted})
    first: dict[str, int] = {}  # marker -> index of the first paragraph that has it
    bracketed = any(m.startswith("[") for m, _, _ in footnotes)
    for i, p in enumerate(paras):
        for run in MARKER_RUN.findall(p.text):
            for n in lengths:
                for start in range(len(run) - n + 1):
                    if run[start : start + n] in wanted:
                        first.setdefault(run[start : start + n], i)
        if bracketed and "[" in p.text:  # `[1]` markers: indexed the same way, once
            for marker in BRACKET_MARKER.findall(p.text):
                first.setdefault(marker, i)
    room = [MAX_PARAGRAPH_CHARS] * len(paras)
    own: dict[int, list[str]] = {}  # owner index -> footnotes that became paragraphs
    for marker, body, interrupted in footnotes:
        owner = first.get(marker)
        if owner is None and 0 <= interrupted < len(paras):
            owner = interrupted
        if owner is None:
            continue
        note = f"{marker} {body}"
        if len(note) <= room[owner]:
            paras[owner].footnotes.append(note)
            room[owner] -= len(note)
        else:
            own.setdefault(owner, []).append(note)
    if own:
        merged: list[_Para] = []
        for i, p in enumerate(paras):
            merged.append(p)
            page = p.end_page or p.page
            merged += [
                _Para(p.section, p.section_path, "prose", None, note, page, run=p.run)
                for note in own.get(i, [])
            ]
        paras[:] = merged


MIN_COUNTED_ITEMS = 3  # paragraphs opening 1, 2, 3 in turn: a list, not figures by chance
COUNTED_ITEM = re.compile(r"(\d{1,2}) +(?=[^\W\d])")  # "1 make sure that plans …"


MAX_FIELD_LABEL_CHARS = 60


def _tabbed_fields(s: str) -> list[tuple[str, str]]:
    """The fields of a row of tab-separated label and value cells ("To:", "Harriet Lomax",
    "Date:", "14 July 2016"), each label ending in a colon; a label with an empty value is no
    field. Nothing when the row is not such label and value pairs."""
    cells = [c.strip() for c in s.split("\t")]
    if len(cells) % 2:
        cells.append("")  # a last label whose empty value the line's end took
    if len(cells) < 4:
        return []
    labels = cells[0::2]
    if not all(lb.endswith(":") and len(lb) <= MAX_FIELD_LABEL_CHARS for lb in labels):
        return []
    return [(lb, v) for lb, v in zip(labels, cells[1::2], strict=True) if v]


def _counted_items(paras: list[_Para]) -> list[_Para]:
    """Paragraphs of one part opening with 1, 2, 3 … in turn, with no dot after the number (a
    Word list's number set apart at a hanging indent, as a PDF's text gives it: "1 make sure
    that plans …"), at least `MIN_COUNTED_ITEMS` of them: a numbered list, each item numbered
    by its count. One paragraph opening with a number ("12 children were …") is prose."""
    i = 0
    while i < len(paras):
        j = i
        while (
            j < len(paras)
            and paras[j].kind == "prose"
            and (paras[j].run, paras[j].section) == (paras[i].run, paras[i].section)
            and (m := COUNTED_ITEM.match(paras[j].text)) is not None
            and int(m.group(1)) == j - i + 1
        ):
            j += 1
        if j - i >= MIN_COUNTED_ITEMS:
            for p in paras[i:j]:
                if (m := COUNTED_ITEM.match(p.text)) is not None:
                    p.kind, p.number, p.text = "numbered", m.group(1), p.text[m.end() :]
        i = max(j, i + 1)
    return paras


def _number(report_id: str, paras: list[_Para]) -> list[Paragraph]:
    out: list[Paragraph] = []
    counts: dict[tuple, int] = {}
    current: tuple | None = None
    for p in paras:
        # ordinals count within each run of a section (two "Assessment" subsections are two runs)
        run_key = (p.run, p.section)
        if run_key != current:
            counts[(run_key, "")] = 0
            current = run_key
        number = p.number.strip("().") if p.number else None
        for i, text in enumerate(_split(" ".join(p.text.split()))):
            counts[(run_key, "")] += 1
            out.append(
                Paragraph(
                    report_id=report_id,
                    section=p.section,
                    paragraph=number,
                    ordinal=counts[(run_key, "")],
                    page=p.page,
                    text=text,
                    kind=p.kind,
                    footnotes=p.footnotes if i == 0 else [],
                    section_path=p.section_path,
                    columns=p.columns,
                )
            )
    return out


def _split(text: str) -> list[str]:
    """A paragraph in pieces of at most `MAX_PARAGRAPH_CHARS`, each cut at the last space that
    fits (mid-word where the second half of a piece has none, so each cut moves on by at least
    half a piece). Each piece is stored as a paragraph of its own, with the same section and
    number and the next ordinal, so a citation quotes a readable amount and no embedding input
    is megabytes long; real paragraphs are far shorter."""
    if len(text) <= MAX_PARAGRAPH_CHARS:
        return [text]
    pieces = []
    start = 0
    while len(text) - start > MAX_PARAGRAPH_CHARS:
        cut = text.rfind(" ", start + MAX_PARAGRAPH_CHARS // 2, start + MAX_PARAGRAPH_CHARS + 1)
        if cut < 0:
            pieces.append(text[start : start + MAX_PARAGRAPH_CHARS])
            start += MAX_PARAGRAPH_CHARS
        else:
            pieces.append(text[start:cut])
            start = cut + 1
    pieces.append(text[start:])
    return pieces
