"""Make marrowby_sqs_2017.docx (beside this file): a two-page letter drawn as a PDF with
PyMuPDF, then imported into Word by LibreOffice as placed text frames:
    python make_marrowby.py && soffice --headless --infilter=writer_pdf_import \
        --convert-to docx:"MS Word 2007 XML" marrowby_sqs_2017.pdf"""

import pymupdf as fitz

doc = fitz.open()
W, H, L = 595, 842, 71
body = [
    ("b", "Short Quality Screening of youth offending work in Marrowby"),
    ("p", "Dear Mr Haldane"),
    (
        "p",
        "We carried out a Short Quality Screening of youth offending work in Marrowby between 6 and",
        "8 March 2017. We examined 18 cases and met the Head of Service and the board chair.",
    ),
    ("h", "1. Reducing reoffending"),
    (
        "n",
        "1.1",
        "Assessments of the factors linked to offending were sufficient in 14 of the 18 cases",
        "and were completed on time in all but two.",
    ),
    (
        "n",
        "1.2",
        "Case managers used the Asset framework",
        "1",
        "well, and plans named the work to be done",
        "with each child.",
    ),
    ("h", "2. Protecting the public"),
    (
        "n",
        "2.1",
        "Risk of harm assessments were sufficient in only 9 of the 16 cases where one was needed.",
    ),
    ("page",),
    ("h", "Areas requiring improvement"),
    ("li", "Risk of harm assessments must take account of past behaviour."),
    ("li", "Every child who meets the MAPPA criteria must be referred."),
]
page = doc.new_page(width=W, height=H)
y, n = 90, 1


def footer(pg, n):
    pg.insert_text((260, 815), f"Page {n} of 2", fontsize=9, fontname="helv")


for item in body:
    kind = item[0]
    if kind == "page":
        page.insert_text((L, 760), "1", fontsize=6.5, fontname="helv")
        page.insert_text(
            (L + 4, 762),
            "Asset is the assessment framework used by youth offending teams.",
            fontsize=8,
            fontname="helv",
        )
        footer(page, n)
        page = doc.new_page(width=W, height=H)
        y, n = 70, n + 1
        continue
    if kind in ("b", "h"):
        page.insert_text((L, y), item[1], fontsize=11.5 if kind == "b" else 11, fontname="hebo")
        y += 20
    elif kind == "p":
        for line in item[1:]:
            page.insert_text((L, y), line, fontsize=10.5, fontname="helv")
            y += 13
        y += 8
    elif kind == "li":
        page.insert_text((L + 12, y), "\u2022", fontsize=10.5, fontname="helv")
        page.insert_text((L + 31, y), item[1], fontsize=10.5, fontname="helv")
        y += 18
    elif kind == "n":
        page.insert_text((L, y), item[1], fontsize=10, fontname="helv")
        if len(item) > 3 and item[3] == "1":
            first = item[2]
            page.insert_text((L + 31, y), first, fontsize=10.5, fontname="helv")
            x = L + 31 + fitz.get_text_length(first, fontname="helv", fontsize=10.5)
            page.insert_text((x, y - 3.5), "1", fontsize=7, fontname="helv")
            page.insert_text((x + 5, y), item[4], fontsize=10.5, fontname="helv")
            y += 13
            rest = item[5:]
        else:
            rest = item[2:]
        for line in rest:
            page.insert_text((L + 31, y), line, fontsize=10.5, fontname="helv")
            y += 13
        y += 8
footer(page, n)
doc.save("marrowby_sqs_2017.pdf")
