"""Small pure-Python helpers behind the browser app (`app.py` only wires and renders).

- `ui.markdown`: escape report and model text so Markdown renders it inert and verbatim.
- `ui.format`: labels, metadata lines, filter options and the filters passed to `Assistant.ask`.
- `ui.chat`: one conversation turn and the history a follow-up question carries.
- `ui.export`: the conversation as a Markdown evidence pack.
- `ui.compare`: the Compare view (chosen reports side by side on one kind of record, each cell
  cited; its CSV).
- `ui.visit`: the "Before a visit" view from records (an area's reports, their ratings and lists,
  and what changed between inspections).
- `ui.uploads`: safe file names and paths for reports added from the browser.
"""
