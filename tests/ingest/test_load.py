"""ingest/load.py: every bad input gets one clear error that names the file and says what to do."""

from __future__ import annotations

import random
import re
import zipfile
from pathlib import Path

import pymupdf
import pytest

from bench.pdfgen import render_pdf
from findings.errors import FileTooLarge, NoTextFound, UnreadableFile, UnsupportedFormat
from findings.settings import Settings
from ingest.load import (
    _clean_inline,
    _md_heading,
    _md_inline,
    _md_table_separator,
    load_document,
)

TEXT = "Summary\n\nThe published reoffending rate for Alderton was 31.0%.\n"


@pytest.fixture
def good_pdf(tmp_path) -> Path:
    return render_pdf(TEXT * 3, tmp_path / "good.pdf")


def load(path, **settings):
    return load_document(path, Settings(**settings))


@pytest.mark.parametrize(
    "name, content, error, words",
    [
        ("empty.txt", b"", NoTextFound, "the file is empty. Export the report again."),
        ("blank.md", b"\n\n   \n", NoTextFound, "no text found in the file"),
        ("image.txt", bytes(range(256)) * 20, UnreadableFile, "looks like a binary file, not text"),
        (
            "latin1.txt",
            "Caf\u00e9 r\u00e9sum\u00e9 report".encode("cp1252"),
            UnreadableFile,
            "is not valid UTF-8 (byte 3). Re-save it as UTF-8",
        ),
        ("report.rtf", b"{\\rtf1 hello}", UnsupportedFormat, "unsupported file type '.rtf'"),
        ("notes", b"plain words", UnsupportedFormat, "unsupported file type '(none)'"),
        ("fake.pdf", b"this is not a pdf at all", UnreadableFile, "is not a PDF (no %PDF header)"),
        (
            "broken.docx",
            b"PK\x03\x04 not really a zip",
            UnreadableFile,
            "is not a valid Word document",
        ),
    ],
)
def test_bad_files(tmp_path, name, content, error, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error) as info:
        load(path)
    assert info.value.path == str(path)
    assert str(info.value).startswith(f"{path}: ")
    assert words in str(info.value)


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 300_000)  # 1.4 MB
    with pytest.raises(FileTooLarge) as info:
        load(path, max_file_mb=1)
    assert str(info.value) == (
        f"{path}: 1.4 MB is over the 1 MB limit. Split the report, or raise FINDINGS_MAX_FILE_MB "
        "if it really is one report."
    )


def test_truncated_pdf(tmp_path, good_pdf):
    path = tmp_path / "truncated.pdf"
    path.write_bytes(good_pdf.read_bytes()[:400])
    with pytest.raises((UnreadableFile, NoTextFound)) as info:
        load(path)
    assert str(path) in str(info.value)
    assert "export" in str(info.value).lower()


def test_corrupt_pdf_body(tmp_path):
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 50)
    with pytest.raises(UnreadableFile) as info:
        load(path)
    assert "cannot be opened as a PDF" in str(info.value) and "export it again" in str(info.value)


def test_encrypted_pdf(tmp_path, good_pdf):
    path = tmp_path / "locked.pdf"
    doc = pymupdf.open(good_pdf)
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    with pytest.raises(UnreadableFile) as info:
        load(path)
    assert str(info.value) == (
        f"{path}: the PDF is encrypted (password protected). Save an unprotected copy and ingest that."
    )


def test_scanned_pdf_without_text(tmp_path):
    path = tmp_path / "scan.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 64, 64), False)
    pix.clear_with(200)
    page.insert_image(page.rect, pixmap=pix)
    doc.save(path)
    with pytest.raises(NoTextFound) as info:
        load(path)
    assert str(info.value) == (
        f"{path}: no extractable text (scanned image?). OCR is not supported; export the report "
        "as text or a tagged PDF."
    )


def test_pdf_reading_is_stopped_at_the_time_limit(good_pdf):
    with pytest.raises(UnreadableFile) as info:
        load(good_pdf, pdf_timeout_s=0.01)
    assert "reading the PDF took longer than 0.01 s and was stopped" in str(info.value)
    assert "FINDINGS_PDF_TIMEOUT_S" in str(info.value)


def test_good_pdf_loads_with_pages(good_pdf):
    doc = load(good_pdf)
    assert doc.format == "pdf" and doc.pages == 1
    assert any("31.0%" in ln.text for ln in doc.lines)


def test_windows_line_endings_and_form_feeds_give_pages(tmp_path):
    path = tmp_path / "paged.txt"
    path.write_bytes(b"Summary\r\n\r\nFirst page text.\r\n\x0cSecond page text.\r\n")
    doc = load(path)
    assert doc.pages == 2
    assert [(ln.text, ln.page) for ln in doc.lines if ln.text] == [
        ("Summary", 1),
        ("First page text.", 1),
        ("Second page text.", 2),
    ]


class TestLinearReadersGiveTheSameText:
    """The one-pass readers give what the regular expressions they replace gave (those took
    quadratic or cubic time on hostile lines; tests/ingest/test_hostile.py times them)."""

    @staticmethod
    def strings(alphabet: list[str], count: int = 20_000, longest: int = 14):
        rng = random.Random(20250605)
        for _ in range(count):
            yield "".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest)))

    def test_markdown_inline_marks(self):
        def regexes(text: str) -> str:
            # a wiki's [[target|label]] shows its label (or its target)
            text = re.sub(
                r"\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]",
                lambda m: m.group(2) or m.group(1).lstrip("#"),
                text,
            )
            text = re.sub(
                r"\*\*(.+?)\*\*|__(.+?)__|==(.+?)==",
                lambda m: m.group(1) or m.group(2) or m.group(3),
                text,
            )
            text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
            text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
            return text.replace("`", "")

        for text in self.strings(["*", "_", "[", "]", "(", ")", "`", " ", "a", "\t", "="]):
            assert _md_inline(text) == regexes(text), repr(text)
        assert _md_inline("**Bold**, *em*, __u__, `code` and [a link](http://x).") == (
            "Bold, em, u, code and a link."
        )
        # an Obsidian highlight keeps its text
        assert _md_inline("Rated as ==‘Requires improvement’==, 18 out of 36.") == (
            "Rated as ‘Requires improvement’, 18 out of 36."
        )

    def test_markdown_headings(self):
        heading = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
        for text in self.strings(["#", " ", "a", "\t", "\u2003"]):
            s = text.strip()
            m = heading.match(s)
            assert _md_heading(s) == ((len(m.group(1)), m.group(2)) if m else None), repr(s)
        assert _md_heading("## Key strengths ##") == (2, "Key strengths")
        assert _md_heading("####### Seven") is None and _md_heading("#Tight") is None

    def test_markdown_table_rules(self):
        rule = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
        for text in self.strings(["|", "-", ":", " ", "a"]):
            s = text.strip()
            if s.startswith("|") and s.endswith("|"):
                assert _md_table_separator(s) == bool(rule.match(s)), repr(s)
        assert _md_table_separator("| --- |:---:| ---: |")

    def test_inline_tags_in_text(self):
        tag = re.compile(r"</?(?:i|b|em|strong|u|span|font|sup|sub)\b[^>]*>", re.I)
        tokens = ["<", ">", "/", "i", "b", "em", "span", " ", "x", "\u00a0", "="]
        for text in self.strings(tokens, longest=10):
            assert _clean_inline(text) == tag.sub("", text).replace("\u00a0", " "), repr(text)


def test_html_text_inside_a_block_is_read_once(tmp_path):
    path = tmp_path / "nested.html"
    path.write_text(
        "<h1>Findings</h1><dl><dt>Planning</dt><dd><p>Plans were <b>clear</b>.</p></dd></dl>"
        "<ul><li>One <ul><li>inner</li></ul></li></ul>"
        "<table><tr><td>Area</td><td>Good <table><tr><td>nested</td></tr></table></td></tr></table>",
        encoding="utf-8",
    )
    doc = load(path)
    assert [(ln.text, ln.role) for ln in doc.lines] == [
        ("Findings", "heading"),
        ("Planning", "p"),
        ("Plans were clear.", "p"),
        ("One inner", "li"),
        ("Area\tGood nested", "tr"),
    ]


def test_html_fields_set_on_lines_of_one_block_are_a_line_each(tmp_path):
    """A header block of "Label: value" lines broken by <br>s; a signature or a sentence
    broken by one stays one line."""
    path = tmp_path / "fields.html"
    path.write_text(
        "<h1>An inspection</h1><p>Published: 19 August 2021<br>\nFieldwork: 7&ndash;11 June"
        " 2021<br>Lead inspector: Tamsin Holloway</p>"
        "<p>Imogen Lathbury<br>HM Chief Inspector</p><p>The board met in<br>March.</p>",
        encoding="utf-8",
    )
    assert [(ln.text, ln.role) for ln in load(path).lines] == [
        ("An inspection", "heading"),
        ("Published: 19 August 2021", "p"),
        ("Fieldwork: 7–11 June 2021", "p"),
        ("Lead inspector: Tamsin Holloway", "p"),
        ("Imogen Lathbury HM Chief Inspector", "p"),
        ("The board met in March.", "p"),
    ]


def test_html_blocks_of_line_breaks_only_are_no_lines(tmp_path):
    """LibreOffice writes a blank line of a letter as `<p><br/><br/></p>`: nothing shown, so
    no paragraph (their breaks had come out as NUL characters, stored as a paragraph)."""
    path = tmp_path / "letter.html"
    path.write_text(
        '<h1>Letter</h1><p style="margin-bottom: 0.14in"><br/>\n<br/>\n\n</p>'
        "<p>Yours sincerely</p><p>&nbsp;</p><p><br/>&nbsp;<br/></p><p>Alan MacPherson</p>",
        encoding="utf-8",
    )
    assert [(ln.text, ln.role) for ln in load(path).lines] == [
        ("Letter", "heading"),
        ("Yours sincerely", "p"),
        ("Alan MacPherson", "p"),
    ]


@pytest.mark.parametrize(
    ("meta", "encoding", "text"),
    [
        (
            '<meta http-equiv=Content-Type content="text/html; charset=windows-1252">',
            "cp1252",
            "The service\u2019s budget is \u00a31.2m.",
        ),
        ('<meta charset="iso-8859-1">', "latin-1", "The budget is \u00a31.2m, caf\u00e9 included."),
    ],
)
def test_html_is_read_in_the_charset_it_declares(tmp_path, meta, encoding, text):
    """Outlook's "Save as HTML" writes the page in windows-1252 and says so in a <meta> tag (the
    tune59 letter): it was refused as "not valid UTF-8". A browser reads it in the declared
    set, and so do we: the curly apostrophe and the pound sign as printed."""
    path = tmp_path / "letter.htm"
    path.write_bytes(f"<html><head>{meta}</head><body><p>{text}</p></body></html>".encode(encoding))
    assert [ln.text for ln in load(path).lines if ln.text] == [text]


def test_html_not_in_the_charset_it_declares_names_it(tmp_path):
    """A page declaring a set its bytes do not follow fails with a message naming that set."""
    path = tmp_path / "letter.html"
    path.write_bytes(
        b'<html><head><meta charset="us-ascii"></head><body><p>Caf\xe9</p></body></html>'
    )
    with pytest.raises(UnreadableFile) as err:
        load(path)
    assert str(err.value).endswith(
        "is not valid ascii, the character set it declares (byte 56). Re-save it as UTF-8."
    )


def test_html_description_list_terms_are_fields(tmp_path):
    """A front block set as a description list ("<dt>Published</dt><dd>9 November 2022</dd>")
    is a "Label: value" line each; a description set in paragraphs stays prose."""
    path = tmp_path / "dl.html"
    path.write_text(
        "<h1>A thematic</h1><dl><dt>Published</dt><dd>9 November 2022 on the website</dd>"
        "<dt>Lead inspector:</dt><dd>Jo Pike, HM Inspector</dd></dl>"
        "<dl><dt>Planning</dt><dd><p>Plans were clear.</p></dd></dl>",
        encoding="utf-8",
    )
    assert [(ln.text, ln.role) for ln in load(path).lines] == [
        ("A thematic", "heading"),
        ("Published: 9 November 2022 on the website", "p"),
        ("Lead inspector: Jo Pike, HM Inspector", "p"),
        ("Planning", "p"),
        ("Plans were clear.", "p"),
    ]


def test_html_description_list_term_too_long_for_a_label_is_a_row(tmp_path):
    """A key facts list whose term is longer than a field's label ("<dt>Children supervised in
    the year to 31 March 2021</dt><dd>127 children</dd>", a SharePoint page) is a row of two
    cells, as a key facts table sets it (they had been two paragraphs, the figure alone)."""
    path = tmp_path / "dl.html"
    path.write_text(
        "<h2>Key facts</h2><dl><dt>Children supervised in the year to 31 March 2021</dt>"
        "<dd>127 children</dd><dt>Head of service</dt><dd>Owen Prideaux</dd></dl>",
        encoding="utf-8",
    )
    assert [(ln.text, ln.role) for ln in load(path).lines] == [
        ("Key facts", "heading"),
        ("Children supervised in the year to 31 March 2021\t127 children", "tr"),
        ("Head of service: Owen Prideaux", "p"),
    ]


def test_a_reader_that_fails_unexpectedly_fails_only_its_file(tmp_path, monkeypatch):
    """An exception no reader expected (here python-docx's own, for a body-less document)."""
    path = tmp_path / "no_body.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        z.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
        )
    with pytest.raises(UnreadableFile) as info:
        load(path)
    assert str(info.value) == (
        f"{path}: is not a valid Word document: it has no body. Save it again from Word."
    )
    # and a surprise inside the Word reader itself fails this file alone, with its reason
    from ingest import load as loader

    def surprise(document):
        raise AttributeError("'NoneType' object has no attribute 'p_lst'")

    monkeypatch.setattr(loader, "_docx_document_lines", surprise)
    good = tmp_path / "good.docx"
    import docx

    docx.Document().save(good)
    with pytest.raises(UnreadableFile) as info:
        load(good)
    assert str(info.value) == (
        f"{good}: reading it as DOCX failed (AttributeError: 'NoneType' object has no attribute "
        "'p_lst'). The file may be damaged or malformed: export the report again."
    )


def test_a_path_with_control_characters_is_shown_escaped(tmp_path):
    path = tmp_path / "two\nlines\r.txt"
    path.write_bytes(b"")
    with pytest.raises(NoTextFound) as info:
        load(path)
    assert info.value.path == str(path)
    assert (
        str(info.value)
        == f"{tmp_path}/two\\nlines\\r.txt: the file is empty. Export the report again."
    )


def test_pdf_lines_set_as_blocks_of_their_own_run_on_only_mid_sentence():
    """A PDF writer that sets every line as a block: a block close below one left mid-sentence
    is its next line; one below a finished sentence (a list item drawn without a bullet
    character) or further down (the next paragraph) starts anew."""
    from ingest.load import _pdf_structure

    def block(text, top, size=10.0):
        return {"text": text, "page": 1, "size": size, "bold": False, "edge": False,
                "top": top, "bottom": top + 12}  # fmt: skip

    blocks = [
        block("1.1\tOakhill is a small authority of about 90,000 people, among", 100),
        block("Service (YJS). It supervised 40 children.", 116),  # 4 below: its next line
        block("Staff were skilled and committed.", 141),  # 13 below: a new paragraph
        block("Plans were reviewed on time.", 157),  # 4 below a finished sentence: anew
    ]
    lines = _pdf_structure(blocks, 1)
    texts = [(ln.text, ln.role) for ln in lines]
    assert texts == [
        ("1.1 Oakhill is a small authority of about 90,000 people, among", None),
        ("Service (YJS). It supervised 40 children.", None),
        ("", "blank"),
        ("Staff were skilled and committed.", None),
        ("", "blank"),
        ("Plans were reviewed on time.", None),
        ("", "blank"),
    ]


def test_pdf_list_label_after_a_full_numbered_line_starts_anew():
    """A numbered paragraph whose last line filled the column, then a list's label block
    ("Strengths:") and its bullets, then the next label: each label opens a part of its own; no
    label is run on into the paragraph or the item above it (a two-column PDF: tune50's
    layout)."""
    from ingest.load import _pdf_structure

    def block(text, top, right=300.0):
        return {"text": text, "page": 1, "size": 9.0, "bold": False, "edge": False,
                "top": top, "bottom": top + 11, "left": 51.4, "right": right}  # fmt: skip

    blocks = [
        block(
            "1.1.4 The board has been slower to act on education and\nemployment for"
            " older children than on other needs.",
            100,
        ),  # fmt: skip
        block("Strengths:\n• Board members are senior and attend regularly.", 112),
        block("Areas for improvement:\n• The board has not yet secured enough places.", 124),
    ]
    lines = _pdf_structure(blocks, 1)
    assert [(ln.text, ln.role) for ln in lines] == [
        ("1.1.4 The board has been slower to act on education and", None),
        ("employment for older children than on other needs.", None),
        ("", "blank"),
        ("Strengths:", None),
        ("• Board members are senior and attend regularly.", None),
        ("", "blank"),
        ("Areas for improvement:", None),
        ("• The board has not yet secured enough places.", None),
        ("", "blank"),
    ]


# Key facts as `pypdf`'s layout mode extracts a PDF's two-column table: cells apart by spaces, a
# cell too long for its column wrapped onto the next line at the cell's own place.
LAID_OUT_KEY_FACTS = (
    "Key facts\n\n"
    "   First-time entrants per 100,000 children aged 10 to 17, Tarnby        172\n"
    "   (2021)\n\n"
    "   First-time entrants per 100,000 children aged 10 to 17, England and   148\n"
    "   Wales (2021)\n\n"
    "   Chair of the YJS management board                                     Simon Teversham, Director of\n"
    "                                                                         Children's Services\n\n"
    "   Head of service                                                       Anwen Castellow\n"
    "   Deputy head of service                                                Tom Reed\n"
)


def test_a_laid_out_table_cell_wrapped_onto_its_own_line_stays_in_its_cell(tmp_path):
    """ingest/load.py `_wrapped_cell`: a value's last words under it, or a label's that
    broke off mid-phrase or go on in brackets, belong to the row above; a row under a row is
    its own."""
    path = tmp_path / "tarnby_inspection_2022.txt"
    path.write_text(LAID_OUT_KEY_FACTS, encoding="utf-8")
    rows = [ln.text for ln in load_document(path, Settings()).lines if "\t" in ln.text]
    assert rows == [
        "First-time entrants per 100,000 children aged 10 to 17, Tarnby (2021)\t172",
        "First-time entrants per 100,000 children aged 10 to 17, England and Wales (2021)\t148",
        "Chair of the YJS management board\tSimon Teversham, Director of Children's Services",
        "Head of service\tAnwen Castellow",
        "Deputy head of service\tTom Reed",
    ]


@pytest.mark.parametrize(
    ("marked", "first"),
    [
        (
            "   •   The Management Board should work with health commissioners to reduce waiting",
            "•\tThe Management Board should work with health commissioners to reduce waiting",
        ),
        (
            "3.2.1   Planning for desistance was sufficient in 68% of out-of-court cases, but",
            "3.2.1\tPlanning for desistance was sufficient in 68% of out-of-court cases, but",
        ),
    ],
)
def test_a_marked_item_s_hanging_line_is_no_table_cell(tmp_path, marked, first):
    """A list item or numbered paragraph whose marker is set apart by spaces hangs its next
    line in at its text's place: the line is the item's, as paragraphs join lines, and no
    cell of a row."""
    path = tmp_path / "tarnby_sqs_2016.txt"
    indent = " " * (len(marked) - len(marked.split("   ", 1)[-1].lstrip()))
    path.write_text(
        f"Areas requiring improvement\n\n{marked}\n{indent}times for CAMHS.\n", encoding="utf-8"
    )
    texts = [ln.text for ln in load_document(path, Settings()).lines if ln.text.strip()]
    assert texts[-2:] == [first, f"{indent}times for CAMHS."]
