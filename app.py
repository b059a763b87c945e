"""findings in the browser: `streamlit run app.py` (same settings as the CLI, e.g. FINDINGS_STORE).

Wiring and rendering only; the work lives in `retrieval/` and `ingest/`, the app's own helpers in
`ui/`. Report and model text is only ever shown escaped (`ui.markdown`), never as HTML.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import streamlit as st

from findings.errors import ConfigError, FindingsError
from findings.records import Citation, report_label
from findings.settings import Settings, get_settings, offline_environment
from findings.text import normalise_space
from findings.vocab import ABSTAIN_SENTENCE
from ingest.pipeline import Progress, build_ingester
from retrieval.assistant import MAX_QUESTION_CHARS, build_assistant
from ui.access import access, auth_configured
from ui.chat import Turn, history
from ui.compare import (
    COMPARE_KINDS,
    CompareTable,
    by_area,
    cited_markdown,
    compare,
    reports_in_area,
)
from ui.export import evidence_pack
from ui.format import (
    FilterOptions,
    abstention_note,
    answer_mode_note,
    build_filters,
    citation_details,
    filter_options,
    filters_summary,
    inspection_type_label,
    mode_label,
    report_details,
)
from ui.markdown import answer_markdown, escape_markdown, highlighted
from ui.uploads import ACCEPTED, add_uploads, uploads_folder
from ui.visit import (
    FROM_SECTION_TEXT,
    SIDE_BY_SIDE,
    VisitChange,
    VisitLine,
    VisitReport,
    areas,
    before_visit,
    line_markdown,
    ratings_note,
    side_by_side,
)

st.set_page_config(layout="wide", page_title="findings")
offline_environment()


@st.cache_resource(show_spinner=False)
def load_assistant(settings_json: str):
    """One assistant (embedder, store, corpus) per distinct settings, shared by every session."""
    return build_assistant(Settings.model_validate_json(settings_json))


@st.cache_resource(show_spinner="Loading the embedding model and the reports…")
def warmed(settings_json: str) -> bool:
    load_assistant(settings_json).warm_up()
    return True


def clear_conversation() -> None:
    st.session_state.turns = []


# --- rendering ---------------------------------------------------------------------------------


def show_text(chunks: Iterable[str]) -> str:
    """Render answer text as it arrives; the extractive answer is one chunk, a streamed LLM
    answer would pass its chunks here in place of the spinner."""
    placeholder = st.empty()
    text = ""
    for chunk in chunks:
        text += chunk
        placeholder.markdown(answer_markdown(text))
    return text


def show_citation(c: Citation) -> None:
    with st.expander(f"[{c.n}] {escape_markdown(c.label)}"):
        st.markdown(
            "  \n".join(
                f"**{name}:** {escape_markdown(value)}" for name, value in citation_details(c)
            )
        )
        st.caption("The paragraph as printed; the cited words in bold.")
        st.markdown(highlighted(c.text or c.quote, c.quote))


def show_answer(turn: Turn, options: FilterOptions) -> None:
    if turn.error:
        st.error(escape_markdown(turn.error))
        return
    answer = turn.answer
    if turn.filters:
        st.caption("Searched: " + escape_markdown(filters_summary(turn.filters, options.reports)))
    if answer_mode_note(answer):  # LLM mode: who wrote it, or why the extractive answer shows
        st.caption(escape_markdown(answer_mode_note(answer)))
    if answer.scope_note:  # which area a question naming none was about
        st.caption(escape_markdown(answer.scope_note))
    if answer.abstained:
        st.warning(ABSTAIN_SENTENCE)
        note = abstention_note(answer)
        if note:
            st.markdown(answer_markdown(note))
        if answer.related:
            st.markdown(
                "**Possibly related** (these paragraphs are near the question; they do not answer it)"
            )
            for r in answer.related:
                with st.expander(escape_markdown(r["label"])):
                    st.markdown(escape_markdown(normalise_space(r["text"])))
        return
    show_text([answer.answer])
    st.markdown("**Sources**")
    for c in answer.citations:
        show_citation(c)


def show_turn(turn: Turn, options: FilterOptions) -> None:
    with st.chat_message("user"):
        st.markdown(escape_markdown(turn.question))
    with st.chat_message("assistant"):
        show_answer(turn, options)


def show_line(line: VisitLine) -> None:
    """A cited line that opens on the paragraph it cites."""
    with st.expander(line_markdown(line)):
        st.markdown(cited_markdown(line.paragraph, line.quote))


def show_visit_report(brief: VisitReport) -> None:
    with st.container(border=True):
        st.subheader(escape_markdown(brief.label), anchor=False)
        st.caption(
            escape_markdown(
                f"{brief.title or brief.report_id} · published {brief.publication_date or 'date not stated'}"
            )
        )
        if not brief.sections:
            st.info(
                "This report has no ratings, Key strengths, Areas for improvement or Recommendations."
            )
        for section in brief.sections:
            st.markdown(f"**{escape_markdown(section.heading)}**")
            if section.from_section_text:
                st.caption(FROM_SECTION_TEXT)
            for line in section.lines:
                show_line(line)


def show_visit_change(change: VisitChange) -> None:
    with st.container(border=True):
        st.subheader(
            escape_markdown(f"What changed: {change.earlier.label} → {change.later.label}"),
            anchor=False,
        )
        st.markdown("**Ratings**")
        for rating in change.ratings:
            st.markdown(
                escape_markdown(f"{rating.subject}: {rating.before.value} → {rating.after.value}")
            )
            show_line(rating.before)
            show_line(rating.after)
        if ratings_note(change):
            st.caption(escape_markdown(ratings_note(change)))
        st.caption(SIDE_BY_SIDE)
        for column, parts in zip(st.columns(2), side_by_side(change), strict=True):
            with column:
                for title, section in parts:
                    st.markdown(f"**{escape_markdown(title)}**")
                    for line in section.lines if section else []:
                        st.markdown(escape_markdown(line.text))
                        st.caption(escape_markdown(line.label))


def show_comparison(table: CompareTable) -> None:
    st.table(table.markdown_grid(), hide_index=True, hide_header=False)
    st.download_button(
        "Download the table (CSV)",
        data=table.to_csv(),
        file_name=f"compare-{table.kind}.csv",
        mime="text/csv",
        on_click="ignore",
    )
    cells = {key: (text, cell) for key, text, cell in table.cells()}
    key = st.selectbox(
        "Open a cell's paragraph",
        list(cells),
        format_func=lambda k: cells[k][0],
        index=None,
        placeholder="Choose a cell",
        key="cmp_cell",
    )
    if key:
        cell = cells[key][1]
        with st.container(border=True):
            st.markdown(f"**{escape_markdown(cell.label)}**")
            st.markdown(cited_markdown(cell.paragraph, cell.quote))


def pick_area(reports: list[dict]) -> None:
    """Choosing an area in the Compare tab chooses its reports."""
    if st.session_state.cmp_area:
        st.session_state.cmp_reports = reports_in_area(reports, st.session_state.cmp_area)


def streamed(assistant, question: str, turns: list[Turn], filters: dict):
    """Show the LLM's tokens as they arrive, then clear them: the checked answer replaces them."""
    stream = assistant.stream(question, history=history(turns), filters=filters)
    placeholder = st.empty()
    with placeholder.container():
        st.caption("Writing… (not yet checked: the checked answer replaces this when it is done)")
        st.write_stream(escape_markdown(chunk, midline=True) for chunk in stream)
    answer = stream.result()
    placeholder.empty()
    return answer


def ask(assistant, question: str, turns: list[Turn], filters: dict, extractive: bool) -> Turn:
    try:
        if assistant.model_name and not extractive:
            answer = streamed(assistant, question, turns, filters)
        else:
            with st.spinner("Searching the reports…"):
                answer = assistant.ask(
                    question, history=history(turns), filters=filters, extractive=extractive
                )
    except FindingsError as exc:
        return Turn(question, error=str(exc), filters=filters)
    return Turn(question, answer=answer, filters=filters)


# --- page ----------------------------------------------------------------------------------------

try:
    settings = get_settings()
except ConfigError as exc:
    st.error(escape_markdown(f"{exc} Then reload the page."))
    st.stop()
who = access(auth_configured(st.secrets), st.user.to_dict(), settings.admin_emails)
if not who.may_read:  # login is on: nothing about the reports before it
    st.header("findings")
    st.write("Log in to ask about the inspection reports.")
    st.button("Log in", on_click=st.login, type="primary")
    st.stop()
settings_json = settings.model_dump_json()
assistant = load_assistant(settings_json)
store = assistant.store
try:
    reports = store.list_reports()
except FindingsError as exc:
    st.error(escape_markdown(str(exc)))
    st.stop()
options = filter_options(reports)
mode = mode_label(assistant.mode, assistant.model_name)
st.session_state.setdefault("turns", [])
st.session_state.setdefault("upload_round", 0)
turns: list[Turn] = st.session_state.turns

with st.sidebar:
    st.header("findings")
    st.caption("Answers from youth offending inspection reports, citing their paragraphs.")
    st.markdown(
        f"**Mode:** {escape_markdown(mode)}"
        + (f"  \n**Store:** {escape_markdown(store.location)}" if who.is_admin else "")
    )
    if who.logged_in:
        st.caption(f"Logged in as {escape_markdown(who.who)}")
        st.button("Log out", on_click=st.logout)
    st.subheader("Filters")
    area = st.selectbox(
        "Area", [None, *options.areas], format_func=lambda a: a or "All areas", key="f_area"
    )
    years = None
    if options.years and options.years[0] < options.years[1]:
        years = st.slider("Years", *options.years, value=options.years, key="f_years")
    kind = st.selectbox(
        "Inspection type",
        [None, *options.inspection_types],
        format_func=lambda k: "All types" if k is None else inspection_type_label(k),
        key="f_type",
    )
    chosen = st.multiselect(
        "Reports",
        list(options.reports),
        format_func=lambda rid: options.reports[rid],
        placeholder="All reports",
        key="f_reports",
    )
    filters = build_filters(options, area, years, kind, chosen)
    st.subheader(f"Reports in the store ({len(reports)})")
    if not reports:
        st.info("No reports yet. Add some on the Reports tab, or run `findings ingest FOLDER`.")
    by_id = {r["report_id"]: r for r in reports}
    for rid in options.reports:  # newest first
        meta = by_id[rid]
        st.markdown(
            f"**{escape_markdown(report_label(meta))}**  \n{escape_markdown(meta.get('title') or rid)}"
        )
        st.caption(escape_markdown(report_details(meta)))

ask_tab, visit_tab, compare_tab, reports_tab = st.tabs(
    ["Ask", "Before a visit", "Compare", "Reports"]
)

with ask_tab:
    controls = st.container()
    conversation = st.container()
    question = st.chat_input(
        "Ask about the reports, e.g. What did inspectors find about MAPPA?",
        max_chars=MAX_QUESTION_CHARS,
    )
    with conversation:
        if not turns and not question:
            st.caption(
                "Ask a question; every answer quotes the reports and cites their paragraphs. "
                'Follow-up questions ("And in 2016?") carry the conversation.'
            )
        for turn in turns:
            show_turn(turn, options)
        if question:
            with st.chat_message("user"):
                st.markdown(escape_markdown(question))
            with st.chat_message("assistant"):
                turn = ask(
                    assistant, question, turns, filters, st.session_state.get("extractive", False)
                )
                show_answer(turn, options)
            turns.append(turn)
with visit_tab:
    st.markdown(
        "Prior reports on an area, newest first: their ratings, what they found strong, what they "
        "asked to improve and what they recommended, each line cited; then what changed between "
        "inspections."
    )
    visit_area = st.selectbox(
        "Area to visit", areas(reports), index=None, placeholder="Choose an area", key="visit_area"
    )
    if visit_area:
        try:
            brief = before_visit(reports, visit_area, store.records, store.get_paragraphs)
        except FindingsError as exc:
            st.error(escape_markdown(str(exc)))
        else:
            for report in brief.reports:
                show_visit_report(report)
            if brief.changes:
                st.subheader("What changed between inspections", anchor=False)
            for change in brief.changes:
                show_visit_change(change)

comparison: CompareTable | None = None
with compare_tab:
    st.markdown(
        "Reports side by side on one kind of finding, oldest first; every cell cites its "
        "paragraph. The evidence pack (Ask tab) includes the table."
    )
    st.selectbox(
        "Area to compare",
        areas(reports),
        index=None,
        placeholder="Choose an area to pick its reports",
        key="cmp_area",
        on_change=pick_area,
        args=(reports,),
    )
    compared = st.multiselect(
        "Reports to compare",
        by_area(reports),
        format_func=lambda rid: options.reports[rid],
        placeholder="Choose reports",
        key="cmp_reports",
    )
    compare_kind = st.radio(
        "Kind of finding",
        list(COMPARE_KINDS),
        format_func=COMPARE_KINDS.__getitem__,
        horizontal=True,
        key="cmp_kind",
    )
    if compared:
        try:
            comparison = compare(
                [by_id[rid] for rid in compared],
                compare_kind,
                store.records(compared, [compare_kind]),
                store.get_paragraphs,
            )
        except FindingsError as exc:
            st.error(escape_markdown(str(exc)))
    if comparison and comparison.rows:
        show_comparison(comparison)
    elif comparison:
        st.info(
            f"None of the chosen reports has {COMPARE_KINDS[compare_kind].lower()} in its records."
        )

# the Ask tab's controls last: the evidence pack includes the comparison
with controls:
    scope = filters_summary(filters, options.reports)
    everything = "the only report" if len(reports) == 1 else f"all {len(reports)} reports"
    st.caption("Searching " + (escape_markdown(scope) if scope else everything))
    row = st.container(horizontal=True)
    row.button("New conversation", on_click=clear_conversation, disabled=not turns)
    if assistant.model_name:  # LLM mode: the offline extractive answer, question by question
        row.toggle(
            "Offline extractive answer",
            key="extractive",
            help="Answer the next questions by quoting the reports, without the LLM.",
        )
    for fmt, suffix, mime in (("Markdown", "md", "text/markdown"), ("text", "txt", "text/plain")):
        row.download_button(
            f"Download evidence pack ({fmt})",
            data=evidence_pack(
                turns,
                datetime.now().strftime("%Y-%m-%d %H:%M"),
                mode,
                store.location if who.is_admin else "the shared store",
                comparison,
                plain=suffix == "txt",
            ),
            file_name=f"evidence-pack-{datetime.now():%Y%m%d-%H%M}.{suffix}",
            mime=mime,
            on_click="ignore",
            disabled=not any(t.answer for t in turns) and not (comparison and comparison.rows),
        )

with reports_tab:
    if who.is_admin:
        folder = uploads_folder(settings.store)
        st.subheader("Add reports")
        if settings.chroma_url:
            st.caption(
                f"Files are saved under {escape_markdown(str(folder))} and added to the Chroma server."
            )
        else:
            st.caption(
                f"Files are saved under {escape_markdown(str(folder))} and added to the store."
            )
        files = st.file_uploader(
            f"Report files (PDF, TXT, MD, HTML, DOCX; up to {settings.max_file_mb:g} MB each)",
            type=list(ACCEPTED),
            accept_multiple_files=True,
            key=f"uploads_{st.session_state.upload_round}",
            max_upload_size=max(1, math.ceil(settings.max_file_mb)),
        )
        if st.button("Add to the store", type="primary", disabled=not files):
            bar = st.progress(0.0, text="Reading the files…")

            def progress(p: Progress) -> None:
                bar.progress(
                    p.files_done / max(p.files_total, 1),
                    text=escape_markdown(
                        f"{p.files_done} of {p.files_total}: {Path(p.current).name}"
                    ),
                )

            st.session_state.upload_outcome = add_uploads(
                list(files or []),
                folder,
                build_ingester(settings, assistant.embedder, store),
                settings.max_file_bytes,
                settings.max_upload_files,
                progress,
            )
            assistant.refresh()  # answer from the new reports straight away
            st.session_state.upload_round += 1
            st.rerun()
        outcome = st.session_state.get("upload_outcome")
        if outcome:
            if outcome.ingested:
                st.success(
                    escape_markdown(
                        f"Added {len(outcome.ingested)} file(s), {outcome.paragraphs} paragraphs: {', '.join(outcome.ingested)}"
                    )
                )
            if outcome.unchanged:
                st.info(
                    escape_markdown(
                        f"Already in the store, unchanged: {', '.join(outcome.unchanged)}"
                    )
                )
            for message in outcome.failed:
                st.error(escape_markdown(message))
    else:
        st.info("Adding reports is for administrators: ask one to add the report you need.")
    st.subheader("Stored reports")
    st.dataframe(
        [
            {
                "report": report_label(r),
                "title": r.get("title"),
                "area": r.get("area"),
                "type": inspection_type_label(r.get("inspection_type")),
                "published": r.get("publication_date"),
                "lead inspector": r.get("lead_inspector"),
                "pages": r.get("pages"),
                "paragraphs": r.get("paragraphs"),
                "format": r.get("format"),
                "report id": r["report_id"],
            }
            for r in sorted(reports, key=lambda r: r.get("publication_date") or "", reverse=True)
        ],
        hide_index=True,
    )

try:
    warmed(settings_json)  # after the page is drawn: the first question then answers at once
except FindingsError as exc:
    st.error(escape_markdown(str(exc)))
