"""The app in a real Chromium (Playwright): `streamlit run app.py` on a loopback port over a tmp
store of the sample reports plus a hostile one, whose script and image tags must stay text.

Needs /usr/bin/chromium (`.ci/run` installs it) and the `playwright` Python package; skipped
with the reason otherwise. Saves docs/screenshot.png (the README's screenshot).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, subprocess_env

from findings.settings import get_settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT = ROOT / "docs" / "screenshot.png"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="/usr/bin/chromium is missing: `apt-get install -y chromium` (.ci/run does this)",
    ),
]
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed: `.venv/bin/pip install playwright`"
)

HOSTILE_REPORT = """\
<i>To:</i>\tChair of YOS Management Board
<i>From:</i>\tAssistant Chief Inspector (Youth Justice)
<i>Publication date:</i>\t3 March 2018

Report of Short Quality Screening (SQS) of youth offending work in Gullhaven

Summary

Overall, we found that the Gullhaven YOS website carried a banner that read <script>alert(1)</script> and an image tag <img src=x onerror=window.__xss=1> instead of its reparation timetable.

1. Reducing reoffending

- 1.1. The reparation timetable was published as **bold** text with a link [timetable](javascript:alert(1)) that children and young people could not open.
"""
HOSTILE_PARAGRAPH = (
    "Overall, we found that the Gullhaven YOS website carried a banner that read "
    "<script>alert(1)</script> and an image tag <img src=x onerror=window.__xss=1> instead of its "
    "reparation timetable."
)
KV_RATE_QUOTE = (
    "The published reoffending rate¹ for Kestrel Vale was 34.9% against the England and Wales "
    "average of 37.7%."
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, embedder):
    """`streamlit run app.py` serving a store of the sample reports and the hostile report."""
    from ingest.pipeline import Ingester
    from store.chroma import ChromaStore

    folder = tmp_path_factory.mktemp("browser")
    reports = folder / "reports"
    shutil.copytree(ROOT / "data" / "reports", reports)
    (reports / "gullhaven_sqs_2018.txt").write_text(HOSTILE_REPORT, encoding="utf-8")
    store = folder / "store"
    summary = Ingester(
        ChromaStore(path=store, model_slug=embedder.model_slug),
        embedder,
        get_settings(store=store),
    ).run([reports])
    assert summary.failed == [] and len(summary.ingested) == 6

    port = free_port()
    log = (folder / "streamlit.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=subprocess_env(FINDINGS_STORE=str(store), HF_HOME=str(folder / "hf")),
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"streamlit did not start:\n{(folder / 'streamlit.log').read_text()}"
                )
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def dialogs() -> list[str]:
    """Messages of every alert/confirm/prompt the page opened (each is dismissed)."""
    return []


@pytest.fixture
def page(browser, server, dialogs):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(server)
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=60_000)
    yield page
    context.close()


def ask(page, question: str):
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")
    sources = page.get_by_test_id("stChatMessage").filter(has_text="Sources")
    sources.last.wait_for(timeout=60_000)
    return page.get_by_test_id("stChatMessage").last


def open_citation(message, label: str) -> str:
    expander = message.get_by_test_id("stExpander").filter(has_text=label)
    expander.locator("summary").click()
    details = expander.get_by_test_id("stExpanderDetails")
    details.wait_for()
    return details.inner_text()


def test_ask_open_citation_and_screenshot(page):
    message = ask(page, "What was the reoffending rate in Kestrel Vale in 2016?")
    assert f"“{KV_RATE_QUOTE}”" in message.inner_text()
    details = open_citation(message, "[1] Kestrel Vale SQS 2016 · Summary ¶1")
    assert (
        "Report: Report of Short Quality Screening (SQS) of youth offending work in Kestrel Vale"
        in details
    )
    assert "Published: 2016-10-12" in details
    quote = message.get_by_test_id("stExpanderDetails").locator("strong").last
    assert quote.inner_text() == KV_RATE_QUOTE
    page.wait_for_timeout(300)  # let the expander finish opening
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000


def test_report_html_and_markdown_stay_text(page, dialogs):
    message = ask(page, "What did the Gullhaven YOS website banner read?")
    assert "<script>alert(1)</script>" in message.inner_text()
    details = open_citation(message, "[1] Gullhaven SQS 2018 · Summary ¶1")
    assert HOSTILE_PARAGRAPH in details
    message = ask(page, "What was wrong with the reparation timetable in Gullhaven?")
    details = open_citation(message, "[1] Gullhaven SQS 2018 ¶1.1")
    assert "published as **bold** text with a link [timetable](javascript:alert(1)) that" in details
    page.wait_for_timeout(500)
    assert dialogs == []
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator('a[href^="javascript"]').count() == 0
    assert (
        page.evaluate("[...document.scripts].some(s => s.textContent.includes('alert(1)'))")
        is False
    )


def choose(page, scope, label: str, option: str) -> None:
    """Pick `option` in the selectbox labelled `label` (typing narrows a long list)."""
    scope.get_by_test_id("stSelectbox").filter(has_text=label).click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option).first.click()


def test_compare_and_before_a_visit(page):
    page.get_by_role("tab", name="Compare").click()
    compare = page.get_by_role("tabpanel", name="Compare")
    choose(page, compare, "Area to compare", "Marshbury")
    # the first kind's answer (screenings print no ratings), so the reruns that picking an area
    # starts are over: a click on the radio while one runs can be lost (CI at stop 53)
    compare.get_by_text("None of the chosen reports has ratings in its records.").wait_for(
        timeout=90_000
    )
    table = compare.get_by_test_id("stTable")
    compare.get_by_test_id("stRadio").get_by_text("Key facts", exact=True).click()
    sync_api.expect(compare.get_by_role("radio", name="Key facts")).to_be_checked()
    table.filter(has_text="Owen Tregarthen").wait_for(timeout=90_000)  # a loaded machine
    rows = [r.inner_text().split("\t") for r in table.locator("tr").all()]
    assert [c.strip() for c in rows[0]] == ["Subject", "Marshbury SQS 2014", "Marshbury SQS 2016"]
    assert [c.strip() for c in rows[1]] == ["Lead inspector", "Owen Tregarthen", "Hannah Okafor"]
    assert [c.strip() for c in rows[7]] == ["Reoffending rate", "41.2%", "37.4%"]
    assert compare.get_by_test_id("stDownloadButton").inner_text() == "Download the table (CSV)"
    choose(page, compare, "Open a cell's paragraph", "Reoffending rate · Marshbury SQS 2016: 37.4%")
    compare.get_by_text("Marshbury SQS 2016 · Summary ¶1", exact=True).wait_for(timeout=30_000)
    assert "The published reoffending rate¹ for Marshbury was 37.4%" in compare.inner_text()

    page.get_by_role("tab", name="Before a visit").click()
    visit = page.get_by_role("tabpanel", name="Before a visit")
    choose(page, visit, "Area to visit", "Marshbury")
    visit.get_by_text("What changed: Marshbury SQS 2014 → Marshbury SQS 2016").wait_for(
        timeout=30_000
    )
    line = visit.get_by_test_id("stExpander").filter(
        has_text="Marshbury SQS 2016 · Key strengths ¶2"
    )
    summary = line.locator("summary")
    assert summary.inner_text().split("\n")[-2:] == [  # after the arrow icon
        "MAPPA was well understood, and all eligible cases were referred on time.",
        "Marshbury SQS 2016 · Key strengths ¶2",
    ]
    summary.click()
    details = line.get_by_test_id("stExpanderDetails")
    details.wait_for()
    assert details.inner_text() == (
        "MAPPA was well understood, and all eligible cases were referred on time."
    )
    assert visit.get_by_text(
        "Neither report has ratings in its records, so no grades are compared."
    ).is_visible()
