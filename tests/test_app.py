"""app.py through Streamlit's AppTest: a real store of the sample reports, the real model.

The store is built once per session in a tmp folder; each test points FINDINGS_STORE at it
(the `isolate` fixture in conftest.py points it elsewhere first). The app caches one assistant
per settings, so the model loads once for all these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA, ROOT
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from findings.settings import get_settings
from ingest.pipeline import Ingester
from retrieval.assistant import Assistant
from store.chroma import ChromaStore
from ui.format import abstention_note
from ui.markdown import answer_markdown, escape_markdown

REPORTS = ROOT / "data" / "reports"
APP = str(ROOT / "app.py")

KV_RATE = "What was the reoffending rate in Kestrel Vale in 2016?"
KV_RATE_QUOTE = (
    "The published reoffending rate¹ for Kestrel Vale was 34.9% against the England and Wales "
    "average of 37.7%."
)
FOLLOW_UP = "And what did it say about mental health there?"
STAFF = "How many staff did the Marshbury YOS employ in 2016?"
MAPPA = "What did inspectors say about MAPPA?"
MARSHBURY_2016_2_2 = (
    "MAPPA was now well understood by staff and managers. All 4 cases that met the criteria had "
    "been referred on time, and a YOS team manager attended every MAPPA level 2 meeting for those "
    "cases."
)
MARSHBURY_2014_2_2 = (
    "Referrals to MAPPA were late in 3 of the 5 cases that met the criteria. In the most serious "
    "example, the referral was made 6 weeks after the young person first became eligible, and case "
    "managers were unclear about when a referral should be made."
)


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory, embedder) -> Path:
    """A store holding the five sample reports in data/reports (read-only for the tests)."""
    path = tmp_path_factory.mktemp("app") / "store"
    settings = get_settings(store=path)
    store = ChromaStore(path=path, model_slug=embedder.model_slug)
    summary = Ingester(store, embedder, settings).run([REPORTS])
    assert summary.failed == [] and len(summary.ingested) == 5
    return path


@pytest.fixture
def app(sample_store, monkeypatch) -> AppTest:
    monkeypatch.setenv("FINDINGS_STORE", str(sample_store))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


@pytest.fixture
def asked(monkeypatch) -> list[tuple]:
    """Every (question, history, filters) the app passes to Assistant.ask, in order."""
    calls: list[tuple] = []
    real = Assistant.ask

    def spy(self, question, history=None, filters=None, **kwargs):
        calls.append((question, list(history or []), dict(filters or {})))
        return real(self, question, history=history, filters=filters, **kwargs)

    monkeypatch.setattr(Assistant, "ask", spy)
    return calls


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception
    return at


def answers(at: AppTest) -> list:
    return [m for m in at.chat_message if m.name == "assistant"]


def citation_labels(message) -> list[str]:
    return [e.label for e in message.expander]


class TestAsk:
    def test_answer_and_citations_shown(self, app):
        ask(app, KV_RATE)
        [user] = [m for m in app.chat_message if m.name == "user"]
        assert user.markdown[0].value == KV_RATE
        [reply] = answers(app)
        # the figure asked for leads in bold (Markdown kept), the quote follows whole
        assert reply.markdown[0].value == (f"**34\\.9%** — “{KV_RATE_QUOTE}” \\[1\\]")
        assert reply.markdown[1].value == "**Sources**"
        assert citation_labels(reply) == ["[1] Kestrel Vale SQS 2016 · Summary ¶1"]

    def test_citation_opens_on_the_verbatim_paragraph(self, app):
        ask(app, KV_RATE)
        [citation] = answers(app)[0].expander
        details, paragraph = (m.value for m in citation.markdown)
        assert details == (
            "**Report:** Report of Short Quality Screening (SQS) of youth offending work in Kestrel Vale  \n"
            "**Area:** Kestrel Vale  \n"
            "**Published:** 2016-10-12  \n"
            "**Section:** Summary  \n"
            "**Paragraph:** unnumbered (1st in its section)  \n"
            "**Page:** n/a (the source has no pages)"
        )
        assert paragraph == f"**{KV_RATE_QUOTE}**"
        assert citation.caption[0].value == "The paragraph as printed; the cited words in bold."

    def test_follow_up_carries_the_earlier_question(self, app, asked):
        ask(app, KV_RATE)
        ask(app, FOLLOW_UP)
        assert asked == [(KV_RATE, [], {}), (FOLLOW_UP, [KV_RATE], {})]
        first, second = answers(app)
        assert citation_labels(first) == ["[1] Kestrel Vale SQS 2016 · Summary ¶1"]
        cited = app.session_state.turns[1].answer.citations
        assert cited and {c.report_id for c in cited} == {"kestrel_vale_sqs_2016"}
        assert citation_labels(second) == [f"[{c.n}] {c.label}" for c in cited]
        assert citation_labels(second)[0].startswith("[1] Kestrel Vale SQS 2016 ")

    def test_new_conversation_forgets_the_history(self, app, asked):
        ask(app, KV_RATE)
        app.button[0].click().run()
        assert app.session_state.turns == []
        assert answers(app) == []
        ask(app, FOLLOW_UP)
        assert asked[-1] == (FOLLOW_UP, [], {})

    def test_abstention_shown_as_such_with_related_paragraphs(self, app):
        ask(app, STAFF)
        [reply] = answers(app)
        assert [w.value for w in reply.warning] == ["The reports do not answer this question."]
        answer = app.session_state.turns[0].answer
        note = abstention_note(answer)
        shown = [m.value for m in reply.markdown]
        expected = ([answer_markdown(note)] if note else []) + [
            "**Possibly related** (these paragraphs are near the question; they do not answer it)"
        ]
        assert shown[: len(expected)] == expected
        assert answer.related and citation_labels(reply) == [r["label"] for r in answer.related]
        assert "**Sources**" not in shown


class TestFilters:
    def test_unfiltered(self, app, asked):
        ask(app, MAPPA)
        assert asked == [(MAPPA, [], {})]
        assert citation_labels(answers(app)[0])[0] == "[1] Marshbury SQS 2016 ¶2.2"
        # the question names no area and all of its answer is from one of three
        assert answers(app)[0].caption[0].value == escape_markdown(
            "The question names no area: this answer draws on Marshbury's reports only, and the "
            "store holds reports on 3 areas. To ask about another, name it or choose it under "
            "Area (`--area`); set FINDINGS_AREA to make your own the default."
        )
        assert answers(app)[0].expander[0].markdown[1].value == f"**{MARSHBURY_2016_2_2}**"

    def test_area_and_years(self, app, asked):
        app.selectbox(key="f_area").select("Marshbury").run()
        app.slider(key="f_years").set_value((2014, 2014)).run()
        ask(app, MAPPA)
        assert asked == [(MAPPA, [], {"area": "Marshbury", "year_from": 2014, "year_to": 2014})]
        [reply] = answers(app)
        assert reply.caption[0].value == "Searched: area Marshbury · 2014–2014"
        assert citation_labels(reply) == ["[1] Marshbury SQS 2014 ¶2.2"]
        assert reply.expander[0].markdown[1].value == f"**{MARSHBURY_2014_2_2}**"

    def test_reports_and_type(self, app, asked):
        app.multiselect(key="f_reports").select("northfield_yos_2019").run()
        app.selectbox(key="f_type").select("youth offending service inspection").run()
        filters = {
            "inspection_type": "youth offending service inspection",
            "report_ids": ["northfield_yos_2019"],
        }
        ask(app, "What were the key strengths?")
        ask(app, KV_RATE)
        assert asked == [
            ("What were the key strengths?", [], filters),
            (KV_RATE, ["What were the key strengths?"], filters),
        ]
        strengths, rate = answers(app)
        assert strengths.caption[0].value == (
            "Searched: youth offending service inspection · reports Northfield YOS inspection 2019"
        )
        assert citation_labels(strengths) == [
            f"[{n}] Northfield YOS inspection 2019 · Key strengths ¶{n}" for n in (1, 2, 3, 4)
        ]
        assert [w.value for w in rate.warning] == ["The reports do not answer this question."]
        assert rate.markdown[0].value == "No report about Kestrel Vale matches the filters."

    def test_sidebar_lists_reports_mode_and_store(self, app, sample_store):
        assert (
            app.sidebar.markdown[0].value
            == f"**Mode:** Offline extractive  \n**Store:** {escape_markdown(str(sample_store))}"
        )
        assert app.sidebar.subheader[1].value == "Reports in the store (5)"
        assert [m.value for m in app.sidebar.markdown[1:]] == [
            "**Northfield YOS inspection 2019**  \nAn inspection of youth offending services in Northfield",
            "**Kestrel Vale SQS 2016**  \nReport of Short Quality Screening (SQS) of youth offending work in Kestrel Vale",
            "**Marshbury SQS 2016**  \nReport of Short Quality Screening (SQS) of youth offending work in Marshbury",
            "**Marshbury SQS 2014**  \nReport of Short Quality Screening (SQS) of youth offending work in Marshbury",
            "**Kestrel Vale FJI 2013**  \nFull Joint Inspection of youth offending work in Kestrel Vale",
        ]
        assert (
            app.sidebar.caption[3].value
            == "Short quality screening · published 2016-05-18 · 4 pages · 48 paragraphs"
        )
        assert app.selectbox(key="f_area").options == [
            "All areas",
            "Kestrel Vale",
            "Marshbury",
            "Northfield",
        ]


def test_before_a_visit(app):
    """Built from records: each line as printed, its citation label opening its paragraph
    (tests/test_app_records.py covers ratings, changes and the section-text fallback)."""
    visit = app.tabs[1]
    assert visit.label == "Before a visit"
    visit.selectbox(key="visit_area").select("Marshbury").run()
    visit = app.tabs[1]
    assert [h.value for h in visit.subheader] == [
        "Marshbury SQS 2016",
        "Marshbury SQS 2014",
        "What changed between inspections",
        "What changed\\: Marshbury SQS 2014 → Marshbury SQS 2016",
    ]
    newest, oldest, _ = (
        c for c in visit.children.values() if c.type == "flex_container"
    )  # one box per report, then one per pair of reports
    strengths_2016 = [
        (
            "Planning had improved, with fewer, prioritised objectives and plans written with children and young people.",
            "Marshbury SQS 2016 · Key strengths ¶1",
        ),
        (
            "MAPPA was well understood, and all eligible cases were referred on time.",
            "Marshbury SQS 2016 · Key strengths ¶2",
        ),
        (
            "Case managers had good relationships with children and young people and their families.",
            "Marshbury SQS 2016 · Key strengths ¶3",
        ),
        (
            "Management oversight of plans was now effective.",
            "Marshbury SQS 2016 · Key strengths ¶4",
        ),
    ]
    headings = [c.value for c in newest.children.values() if c.type == "markdown"]
    assert headings == ["**Key strengths**", "**Areas requiring improvement**"]
    lines = [e.label for e in newest.expander]
    assert lines[:4] == [f"{text}  \n:gray[{label}]" for text, label in strengths_2016]
    assert lines[4].endswith(":gray[Marshbury SQS 2016 · Areas requiring improvement ¶1]")
    assert [e.markdown[0].value for e in newest.expander[:4]] == [t for t, _ in strengths_2016]
    assert (
        newest.caption[0].value
        == "Report of Short Quality Screening (SQS) of youth offending work in Marshbury · published 2016-05-18"
    )
    old_lines = [e.label for e in oldest.expander]
    assert [line.split(":gray")[1] for line in old_lines[:3]] == [
        f"[Marshbury SQS 2014 · Key strengths ¶{i}]" for i in (1, 2, 3)
    ]
    assert len(old_lines) == 6


def test_export_evidence_pack(app, sample_store, monkeypatch):
    downloads: list[tuple[bytes, str | None]] = []
    real = MemoryMediaFileStorage.load_and_get_id

    def recording(self, path_or_data, mimetype, kind, filename=None):
        downloads.append((path_or_data, filename))
        return real(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", recording)
    ask(app, KV_RATE)
    ask(app, STAFF)
    staff = app.session_state.turns[1].answer
    pack, name = next(d for d in reversed(downloads) if d[1] and d[1].endswith(".md"))
    plain, plain_name = next(d for d in reversed(downloads) if d[1] and d[1].endswith(".txt"))
    assert name.startswith("evidence-pack-") and plain_name == name[: -len(".md")] + ".txt"
    # the text version: the same pack, nothing escaped
    assert f" from {sample_store}. Quotes are verbatim" in plain.decode("utf-8")
    assert (
        f"## 1. {KV_RATE}\n\n### Answer\n\n**34.9%** — “{KV_RATE_QUOTE}” [1]\n\n### Citations\n\n"
        "#### [1] Kestrel Vale SQS 2016 · Summary ¶1\n\n"
    ) in plain.decode("utf-8")
    assert "\\" not in plain.decode("utf-8")
    text = pack.decode("utf-8")
    header, body = text.split("\n\n## 1", 1)
    assert header.startswith("# Evidence pack\n\nGenerated ")
    assert header.endswith(
        f" by findings (Offline extractive) from {escape_markdown(str(sample_store))}. Quotes are verbatim from the reports."
    )
    assert "## 1" + body == (
        f"## 1\\. {KV_RATE}\n\n"
        "### Answer\n\n"
        f"**34\\.9%** — “{KV_RATE_QUOTE}” \\[1\\]\n\n"
        "### Citations\n\n"
        "#### \\[1\\] Kestrel Vale SQS 2016 · Summary ¶1\n\n"
        "- Report: Report of Short Quality Screening (SQS) of youth offending work in Kestrel Vale\n"
        "- Area: Kestrel Vale\n"
        "- Published: 2016-10-12\n"
        "- Section: Summary\n"
        "- Paragraph: unnumbered (1st in its section)\n"
        "- Page: n/a (the source has no pages)\n\n"
        "Quote:\n\n"
        f"> {KV_RATE_QUOTE}\n\n"
        f"## 2\\. {STAFF}\n\n"
        "**The reports do not answer this question.**\n\n"
        + (f"{answer_markdown(note)}\n\n" if (note := abstention_note(staff)) else "")
        + "Possibly related (not an answer):\n\n"
        + "".join(
            f"- {escape_markdown(r['label'])}: {escape_markdown(' '.join(r['text'].split()))}\n"
            for r in staff.related
        )
    )


def test_upload_reports_bad_file_reported_good_file_ingested(tmp_path, monkeypatch):
    """A fresh store: an empty .txt fails with its own message, the other file is ingested and
    answerable at once."""
    store = tmp_path / "upload_store"
    monkeypatch.setenv("FINDINGS_STORE", str(store))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert at.sidebar.subheader[1].value == "Reports in the store (0)"
    good = (DATA / "alderton_sqs_2015.txt").read_bytes()
    at.file_uploader[0].set_value(
        [("empty.txt", b"", "text/plain"), ("../../alderton_sqs_2015.txt", good, "text/plain")]
    ).run()
    add = next(b for b in at.button if b.label == "Add to the store")
    add.click().run()
    assert not at.exception
    assert [s.value for s in at.success] == [
        "Added 1 file(s), 21 paragraphs\\: alderton\\_sqs\\_2015.txt"
    ]
    assert [e.value for e in at.error] == [
        "empty.txt\\: the file is empty. Export the report again."
    ]
    assert sorted(p.name for p in (store / "uploads").iterdir()) == [
        "alderton_sqs_2015.txt",
        "empty.txt",
    ]
    assert at.sidebar.subheader[1].value == "Reports in the store (1)"
    assert at.file_uploader[0].value == []  # cleared for the next files
    ask(at, "What was the reoffending rate in Alderton?")
    assert [c.report_id for c in at.session_state.turns[0].answer.citations] == [
        "alderton_sqs_2015"
    ]


class TestLogin:
    """Login on (an `[auth]` section in the secrets): nothing before login; only admins upload
    and see the store's folder."""

    AUTH = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "x" * 32,
        "client_id": "findings",
        "client_secret": "s",
        "server_metadata_url": "https://idp.example/.well-known/openid-configuration",
    }

    def run_as(self, sample_store, monkeypatch, user: dict, admins: str = "") -> AppTest:
        monkeypatch.setenv("FINDINGS_STORE", str(sample_store))
        monkeypatch.setenv("FINDINGS_ADMINS", admins)
        at = AppTest.from_file(APP, default_timeout=60)
        at.secrets["auth"] = self.AUTH
        at.user = user
        at.run()
        assert not at.exception
        return at

    def test_logged_out_sees_nothing_of_the_reports(self, sample_store, monkeypatch):
        at = self.run_as(sample_store, monkeypatch, {"is_logged_in": False})
        assert [b.label for b in at.button] == ["Log in"]
        assert len(at.chat_input) == 0 and len(at.tabs) == 0 and len(at.sidebar.markdown) == 0
        shown = " ".join(m.value for m in at.markdown)
        assert "Marshbury" not in shown and "Kestrel" not in shown
        assert "Log in to ask about the inspection reports." in shown

    def test_a_user_asks_but_cannot_upload_or_see_the_store(self, sample_store, monkeypatch):
        at = self.run_as(
            sample_store,
            monkeypatch,
            {"is_logged_in": True, "email": "ann@example.org", "name": "Ann"},
            admins="lead@example.org",
        )
        sidebar = " ".join(m.value for m in at.sidebar.markdown)
        assert "**Mode:** Offline extractive" in sidebar and "Store:" not in sidebar
        assert str(sample_store) not in sidebar
        assert len(at.get("file_uploader")) == 0
        assert "Adding reports is for administrators" in " ".join(i.value for i in at.info)
        ask(at, KV_RATE)
        [reply] = answers(at)
        assert citation_labels(reply) == ["[1] Kestrel Vale SQS 2016 · Summary ¶1"]

    def test_an_admin_uploads_and_sees_the_store(self, sample_store, monkeypatch):
        at = self.run_as(
            sample_store,
            monkeypatch,
            {"is_logged_in": True, "email": "lead@example.org"},
            admins="lead@example.org",
        )
        sidebar = " ".join(m.value for m in at.sidebar.markdown)
        assert "Store:" in sidebar
        assert len(at.get("file_uploader")) == 1
