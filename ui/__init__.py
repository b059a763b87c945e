"""Small pure-Python helpers behind the browser app (`app.py` only wires and renders).

- `ui.markdown`: escape report and model text so Markdown renders it inert and verbatim.
- `ui.format`: labels, metadata lines, filter options and the filters passed to `Assistant.ask`.
- `ui.chat`: one conversation turn and the history a follow-up question carries.
- `ui.export`: the conversation as a Markdown evidence pack.
- `ui.visit`: the "Before a visit" view (an area's prior reports and what they asked for).
- `ui.uploads`: safe file names and paths for reports added from the browser.
"""
