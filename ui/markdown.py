"""Show report and model text through Markdown without it ever acting as Markdown or HTML.

Streamlit renders `st.markdown` (and widget labels) as GitHub-flavoured Markdown with
extensions (`:emoji:`, `:red[...]`, `$math$`). Report text is data, never markup: every ASCII
character that can start markup is backslash-escaped, so `<script>`, `**x**` or
`[a](javascript:...)` render as those very characters. CommonMark renders `\\X` as `X` for any
ASCII punctuation `X`, so escaping more than strictly needed never changes what is shown.
"""

from __future__ import annotations

import re

from findings.text import normalise_space

# Significant anywhere in a line: emphasis, code, links and images (`[`), HTML and autolinks,
# entities, tables, strikethrough, math, Streamlit's `:shortcodes:` and `:color[...]` directives.
# `(`, `)`, `!` and `{}` only mean something after an unescaped `[` or `]`, so they stay as typed.
_INLINE = re.compile(r"([\\`*_\[\]<>&|~$:])")
# Significant only at the start of a line: headings, lists, block quotes, setext underlines.
_LINE_START = re.compile(r"^([#+=-])|^(\d+)([.)])")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# An answer line that opens with a bold span: the answerer's own lead ("**34.9%** — “…”") or a
# list item's name ("- **Marshbury SQS 2016**: …"). Kept bold; its words are escaped.
_BOLD_LEAD = re.compile(r"^\*\*([^*\n]+)\*\*")


def escape_markdown(text: str, midline: bool = False) -> str:
    """`text` as Markdown that displays exactly `text`. Each line's leading whitespace is dropped
    (it would make a code block) unless `midline` says the text continues a line."""
    lines = []
    for line in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line if midline else line.lstrip()
        line = _INLINE.sub(r"\\\1", line.replace("\x00", "\ufffd"))
        line = _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)
        lines.append(line)
    return "\n".join(lines)


def highlighted(text: str, quote: str) -> str:
    """The paragraph as escaped Markdown with the first occurrence of `quote` in bold.

    Whitespace is normalised in both (the CONTRACT allows it in quotes); a quote that is not in
    the paragraph leaves the paragraph unhighlighted rather than guessing.
    """
    text, quote = normalise_space(text), normalise_space(quote)
    at = text.find(quote) if quote else -1
    if at < 0:
        return escape_markdown(text)
    before, after = text[:at], text[at + len(quote) :]
    return f"{escape_markdown(before)}**{escape_markdown(quote)}**{escape_markdown(after, midline=True)}"


def answer_markdown(text: str) -> str:
    """An answer (which quotes reports, or comes from a model) as safe Markdown.

    Only its line structure survives: list items stay list items and each other line keeps its
    own line (a trailing `\\` hard break, which editors do not strip), and a bold span that
    opens a line stays bold; everything else inside a line is escaped. `[n]` citation markers
    show as `[n]`.
    """
    lines: list[tuple[str, str]] = []  # (kind, markdown): kind is "item", "text" or "blank"
    for line in str(text).replace("\r\n", "\n").split("\n"):
        item = _LIST_ITEM.match(line)
        if item:
            marker = item.group(0).strip()
            marker = "-" if marker in ("-", "*", "+") else marker
            lines.append(("item", f"{marker} {_line(line[item.end() :])}"))
        elif line.strip():
            if lines and lines[-1][0] == "item":
                lines.append(("blank", ""))  # or the line would continue the list item
            lines.append(("text", _line(line.lstrip())))
        else:
            lines.append(("blank", ""))
    out = []
    for i, (kind, md) in enumerate(lines):
        follows = lines[i + 1][0] if i + 1 < len(lines) else None
        out.append(md + "\\" if kind == "text" and follows == "text" else md)
    return "\n".join(out).strip("\n")


def _line(text: str) -> str:
    """One line of an answer: escaped, but a bold span that opens it stays bold."""
    lead = _BOLD_LEAD.match(text)
    if not lead:
        return escape_markdown(text)
    rest = text[lead.end() :]
    return f"**{escape_markdown(lead.group(1))}**{escape_markdown(rest, midline=True)}"
