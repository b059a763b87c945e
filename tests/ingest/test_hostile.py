"""Hostile input: nothing silently replaced, no hang, no traceback.

Every hostile file is made here, in tmp_path. Each run ingests it next to the sample reports and
asserts its exact error and that the sample reports were still ingested; parsing time is
measured at two sizes, so work that grows faster than the input fails the test.
"""

from __future__ import annotations

import gc
import io
import os
import shlex
import signal
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pymupdf
import pytest

from findings.errors import UnreadableFile
from findings.records import ParsedReport
from findings.settings import Settings, get_settings
from ingest.parse import MAX_PARAGRAPH_CHARS, parse_file
from ingest.pipeline import Ingester
from ingest.worker import ParseWorker
from store.chroma import ChromaStore

SAMPLES = ["alderton_sqs_2015.txt", "alderton_sqs_2017.txt", "brackwater_fji_2014.md"]


@pytest.fixture
def store(tmp_path):
    return ChromaStore(tmp_path / "store", model_slug="all_minilm_l6_v2", lock_timeout_s=1)


def ingest(store, embedder, paths, **settings):
    return Ingester(store, embedder, get_settings(**settings)).run(paths)


def samples(folder: Path) -> list[str]:
    return [str(folder / name) for name in SAMPLES]


# --- 1. parsing takes time linear in the input ----------------------------------------------


class _TooSlow(BaseException):  # BaseException: no `except Exception` in a reader catches it
    pass


def parse_seconds(path: Path, budget_s: float) -> tuple[float, ParsedReport]:
    """Seconds `parse_file` takes here; fails the test past `budget_s` instead of hanging.

    The garbage collector is paused while it runs: a full collection walks every object in this
    process (the embedding model's included), which would time the test run, not the parser."""

    def stop(signum, frame):
        raise _TooSlow

    gc.collect()
    gc.disable()
    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, budget_s)
    started = time.perf_counter()
    try:
        report = parse_file(path, Settings())
    except _TooSlow:
        pytest.fail(f"parsing {path.name} took more than {budget_s:g} s")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        gc.enable()
    return time.perf_counter() - started, report


def words(text: str) -> str:
    return " ".join(text.split())


def one_paragraph_in_pieces(report: ParsedReport, text: str) -> bool:
    """The text came out whole, as one paragraph stored in pieces of at most the cap."""
    texts = [p.text for p in report.paragraphs]
    return " ".join(texts) == words(text) and all(len(t) <= MAX_PARAGRAPH_CHARS for t in texts)


KB = 1024
# (extension, input of about n characters, what the parse of it must give)
LINEAR_CASES: dict[str, tuple[str, Callable[[int], str], Callable[[ParsedReport, str], bool]]] = {
    # `^(#{1,6})\s+(.*?)\s*#*\s*$` backtracked cubically: 3 KB took 65 s
    "markdown heading with a run of spaces": (
        "md",
        lambda n: "# x" + " " * n + "y\n",
        lambda r, text: [(p.text, p.kind) for p in r.paragraphs] == [("x y", "prose")],
    ),
    "markdown line of emphasis stars": ("md", lambda n: "*a " * (n // 3), one_paragraph_in_pieces),
    "markdown line of link brackets": ("md", lambda n: "[a " * (n // 3), one_paragraph_in_pieces),
    "markdown table rule with a run of spaces": (
        "md",
        lambda n: "| a | b |\n|--" + " " * n + "y|\n",
        # (the first row, in the front block, is a row like the rest: no column labels)
        lambda r, text: [p.text for p in r.paragraphs] == ["a | b", "-- y"],
    ),
    # a grid table's `|` lines are read by state, not by looking back over the rows above
    "markdown grid table of many rows": (
        "md",
        lambda n: "+---+---+\n| a | b |\n" * (n // 20) + "+---+---+\n",
        # one row a line; in the front block, a field each (the first row too: a front
        # block's table labels no columns)
        lambda r, text: [p.text for p in r.paragraphs] == ["a | b"] * text.count("| a |"),
    ),
    "text without blank lines": (
        "txt",
        lambda n: "word word word word\n" * (n // 20),
        one_paragraph_in_pieces,
    ),
    "text of blocks that run on into each other": (
        "txt",
        lambda n: "a word\n\n" * (n // 8),
        one_paragraph_in_pieces,
    ),
    "text line of unclosed tags": ("txt", lambda n: "<b " * (n // 3), one_paragraph_in_pieces),
    "text with many footnotes no paragraph marks": (
        "txt",
        lambda n: "A sentence here.\n\n" * (n // 36) + "⁹ note.\n\n" * (n // 18),
        lambda r, text: (
            sum(len(p.footnotes) for p in r.paragraphs)
            + sum(p.text == "⁹ note." for p in r.paragraphs)
            == text.count("⁹")
        ),
    ),
    # every heading's text held the text of all those inside it: quadratic in size itself
    "html headings nested in headings": (
        "html",
        lambda n: "<h2>x" * (n // 5),
        lambda r, text: one_paragraph_in_pieces(r, "x " * text.count("<h2>")),
    ),
    "html unclosed tags": (
        "html",
        lambda n: "<p>Start.</p>" + "<a" * (n // 2),
        lambda r, text: [p.text for p in r.paragraphs] == ["Start."],
    ),
}


@pytest.mark.parametrize("case", list(LINEAR_CASES))
def test_parsing_time_grows_linearly(tmp_path, case):
    ext, make, expected = LINEAR_CASES[case]
    small_n, big_n = (32 * KB, 256 * KB) if ext == "html" else (64 * KB, 512 * KB)
    small, big = tmp_path / f"small.{ext}", tmp_path / f"big.{ext}"
    small.write_text(make(small_n), encoding="utf-8")
    big.write_text(make(big_n), encoding="utf-8")
    t_small = min(parse_seconds(small, 5)[0] for _ in range(3))
    # 3x the size ratio: linear work passes with room for noise, quadratic work (64x) cannot;
    # a small parse under 2 ms is timed as 2 ms, the clock's noise at that scale
    bound = 3 * (big_n / small_n) * max(t_small, 0.002)
    t_big, report = parse_seconds(big, 5)
    if t_big >= bound:  # once more, in case something else had the CPU
        t_big = min(t_big, parse_seconds(big, 5)[0])
    assert t_big < bound, f"{case}: {t_small:.4f} s at {small_n} B, {t_big:.4f} s at {big_n} B"
    assert expected(report, big.read_text(encoding="utf-8"))


# --- 2. a time limit for every format -------------------------------------------------------


def slow_html(path: Path) -> Path:
    """HTML that takes lxml's parser quadratic time (about 15 s for this 1 MB): it searches its
    stack of open elements for each end tag, and here 100,000 are open and none matches."""
    path.write_text("<p>Start.</p>" + "<div>" * 100_000 + "</span>" * 75_000, encoding="utf-8")
    return path


def test_a_file_over_the_time_limit_fails_alone(reports_dir, store, embedder):
    slow = slow_html(reports_dir / "a_slow.html")  # read first: the next file needs a new reader
    started = time.monotonic()
    summary = ingest(store, embedder, [reports_dir], parse_timeout_s=1)
    assert summary.failed == [
        {
            "path": str(slow),
            "error": f"{slow}: reading took longer than 1 s and was stopped. The file may be "
            "malformed: re-export it, or raise FINDINGS_PARSE_TIMEOUT_S.",
        }
    ]
    assert summary.ingested == samples(reports_dir)
    assert time.monotonic() - started < 10


def test_a_reader_process_that_dies_fails_its_file_alone(tmp_path, reports_dir):
    slow = slow_html(tmp_path / "slow.html")
    with ParseWorker(Settings()) as worker:
        child = worker._started()  # the child that will read the slow file
        threading.Timer(0.5, os.kill, (child.pid, signal.SIGKILL)).start()
        with pytest.raises(UnreadableFile) as info:
            worker.parse(slow)
        assert str(info.value) == (
            f"{slow}: the reader process stopped while reading it (killed by SIGKILL). The file "
            "may be malformed, or too big to read in the memory there is: export the report again."
        )
        report = worker.parse(reports_dir / SAMPLES[0])  # a fresh child reads the next file
    assert len(report.paragraphs) == 21


# --- 3. a bad Word document fails alone ---------------------------------------------------


def good_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("The reoffending rate fell to 31.0%.")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def docx_with(path: Path, member: str, write: Callable[[io.BufferedWriter], object]) -> Path:
    """A good Word document whose `member` is replaced (or added) with what `write` writes."""
    original = zipfile.ZipFile(io.BytesIO(good_docx()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in original.infolist():
            if info.filename != member:
                out.writestr(info.filename, original.read(info.filename))
        with out.open(member, "w", force_zip64=True) as f:
            write(f)
    return path


def test_bad_word_documents_fail_alone(reports_dir, store, embedder):
    truncated = reports_dir / "truncated.docx"
    truncated.write_bytes(good_docx()[:3000])
    xml = good_docx()
    body = zipfile.ZipFile(io.BytesIO(xml)).read("word/document.xml")
    cut = docx_with(
        reports_dir / "cut_xml.docx", "word/document.xml", lambda f: f.write(body[:900])
    )
    zeros = bytes(1 << 20)
    bomb = docx_with(  # 64 MB of zeros packs into about 64 KB
        reports_dir / "bomb.docx",
        "word/media/image1.png",
        lambda f: [f.write(zeros) for _ in range(64)],
    )
    no_body = docx_with(
        reports_dir / "no_body.docx",
        "word/document.xml",
        lambda f: f.write(
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
        ),
    )
    assert bomb.stat().st_size < 200 * KB
    summary = ingest(store, embedder, [reports_dir], max_file_mb=1)
    assert summary.ingested == samples(reports_dir)
    errors = {Path(f["path"]).name: f["error"] for f in summary.failed}
    assert sorted(errors) == ["bomb.docx", "cut_xml.docx", "no_body.docx", "truncated.docx"]
    assert errors["truncated.docx"] == (
        f"{truncated}: is not a valid Word document (corrupt or truncated). Save it again from Word."
    )
    assert errors["cut_xml.docx"].startswith(
        f"{cut}: is not a valid Word document: its XML is malformed ("
    )
    assert errors["cut_xml.docx"].endswith("). Save it again from Word.")
    unzipped = sum(m.file_size for m in zipfile.ZipFile(bomb).infolist()) / 1048576
    assert 64 < unzipped < 65  # the zeros, and python-docx's template
    assert errors["bomb.docx"] == (
        f"{bomb}: unzips to {unzipped:.1f} MB, over 4 times the 1 MB limit (a zip bomb, or a document "
        "padded with huge embedded files). Save it again without them, or raise "
        "FINDINGS_MAX_FILE_MB if it really is one report."
    )
    # a document without a body: this file fails, not the run
    assert errors["no_body.docx"] == (
        f"{no_body}: is not a valid Word document: it has no body. Save it again from Word."
    )


# --- 4. no giant paragraph --------------------------------------------------------------------


def test_a_one_line_text_file_is_stored_in_pieces(reports_dir, store, embedder):
    line = reports_dir / "one_line.txt"
    line.write_text("word " * 200_000, encoding="utf-8")  # 1 MB, no line break
    summary = ingest(store, embedder, [reports_dir])
    assert summary.failed == []
    assert summary.ingested == [*samples(reports_dir), str(line)]
    rows = store.get_paragraphs("one_line")
    # cut at the last space under the cap: 4,000 words a piece
    assert [len(r["text"]) for r in rows] == [19_999] * 50
    assert [r["ordinal"] for r in rows] == list(range(1, 51))
    assert " ".join(r["text"] for r in rows) == words(line.read_text())


# --- 5. a relative path to a PDF, from any folder -----------------------------------------


def test_a_relative_pdf_path_is_read_from_the_working_folder(
    tmp_path, reports_dir, store, embedder
):
    assert Path.cwd() == tmp_path  # the tests run in tmp_path, never in the project folder
    (tmp_path / "rel").mkdir()
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "1.1 Some text.")
    doc.save(tmp_path / "rel" / "x.pdf")
    summary = ingest(store, embedder, [Path("rel/x.pdf"), reports_dir])
    assert summary.failed == []
    assert summary.ingested == ["rel/x.pdf", *samples(reports_dir)]
    assert [(r["paragraph"], r["text"]) for r in store.get_paragraphs("x")] == [
        ("1.1", "Some text.")
    ]


# --- 6. encodings and file names ------------------------------------------------------------

TEXT = "Summary\n\nThe reoffending rate in Ærøby was 31.0% – down from 35%.\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_read(reports_dir, store, embedder, encoding):
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + TEXT.encode("utf-16-be")  # the codec writes no mark of its own
    else:
        data = TEXT.encode(encoding)  # utf-16 and utf-32 write a little-endian mark here
    path = reports_dir / "marked.txt"
    path.write_bytes(data)
    assert parse_file(path, Settings()).paragraphs[0].text == (
        "The reoffending rate in Ærøby was 31.0% – down from 35%."
    )
    summary = ingest(store, embedder, [reports_dir])
    assert summary.failed == []
    assert summary.ingested == [*samples(reports_dir), str(path)]


def test_a_damaged_utf16_file_says_so(tmp_path):
    path = tmp_path / "damaged.txt"
    path.write_bytes(b"\xff\xfe" + "Summary".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    with pytest.raises(UnreadableFile) as info:
        parse_file(path, Settings())
    assert str(info.value) == (
        f"{path}: is not valid UTF-16 (byte 16), though it starts with a UTF-16 byte-order mark: "
        "the file is damaged. Re-save it as UTF-8."
    )


def test_the_iconv_hint_quotes_the_file_name_for_the_shell(reports_dir, store, embedder):
    name = "x'; touch pwned; echo '.txt"
    path = reports_dir / name
    path.write_bytes("Caf\u00e9 report".encode("cp1252"))
    summary = ingest(store, embedder, [reports_dir])
    assert summary.ingested == samples(reports_dir)
    assert summary.failed == [
        {
            "path": str(path),
            "error": f"{path}: is not valid UTF-8 (byte 3). Re-save it as UTF-8, e.g. "
            "`iconv -f cp1252 -t utf-8 'x'\"'\"'; touch pwned; echo '\"'\"'.txt' > fixed.txt`.",
        }
    ]
    command = summary.failed[0]["error"].split("`")[1]
    assert shlex.split(command) == ["iconv", "-f", "cp1252", "-t", "utf-8", name, ">", "fixed.txt"]


def test_control_characters_in_a_file_name_are_escaped(reports_dir, store, embedder):
    path = reports_dir / "bad\nname\x1b.txt"
    path.write_bytes(bytes(range(256)) * 8)
    summary = ingest(store, embedder, [reports_dir])
    assert summary.ingested == samples(reports_dir)
    assert summary.failed == [
        {
            "path": str(path),
            "error": f"{reports_dir}/bad\\nname\\x1b.txt: looks like a binary file, not text. "
            "Check it is the report itself; for a PDF or Word file, give it the .pdf or .docx "
            "extension.",
        }
    ]
    assert len(summary.failed[0]["error"].splitlines()) == 1


# --- 7. broken and looping symbolic links -------------------------------------------------


def test_broken_and_looping_links_are_reported(tmp_path, reports_dir, store, embedder):
    (reports_dir / "gone.txt").symlink_to("nowhere.txt")
    (reports_dir / "loop_a.txt").symlink_to("loop_b.txt")
    (reports_dir / "loop_b.txt").symlink_to("loop_a.txt")
    given = tmp_path / "given.md"
    given.symlink_to(tmp_path / "missing.md")
    summary = ingest(store, embedder, [reports_dir, given])
    assert summary.ingested == samples(reports_dir)
    assert summary.failed == [
        {
            "path": str(reports_dir / "gone.txt"),
            "error": f"{reports_dir / 'gone.txt'}: is a broken symbolic link (its target "
            "nowhere.txt does not exist). Remove it or fix the link.",
        },
        {
            "path": str(reports_dir / "loop_a.txt"),
            "error": f"{reports_dir / 'loop_a.txt'}: is a symbolic link that loops (it leads back "
            "to itself through loop_b.txt). Remove it or fix the link.",
        },
        {
            "path": str(reports_dir / "loop_b.txt"),
            "error": f"{reports_dir / 'loop_b.txt'}: is a symbolic link that loops (it leads back "
            "to itself through loop_a.txt). Remove it or fix the link.",
        },
        {
            "path": str(given),
            "error": f"{given}: is a broken symbolic link (its target {tmp_path / 'missing.md'} "
            "does not exist). Remove it or fix the link.",
        },
    ]
