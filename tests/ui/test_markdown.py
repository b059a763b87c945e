"""ui/markdown.py: report text renders verbatim and inert through a CommonMark renderer."""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt

from ui.markdown import answer_markdown, escape_markdown, highlighted

# CommonMark plus the GitHub extensions Streamlit renders (tables, strikethrough).
RENDER = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "**x** [a](javascript:alert(1))",
    "![i](http://x/y.png) <http://evil.example> [r]: javascript:alert(1)",
    "# Heading\n- item\n+ item\n1. one\n2) two\n> quote\n===\n---",
    "a | b\n--|--\nc | d",
    "&lt;script&gt; &amp; &#60;b&#62;",
    ":red[text] :smile: :material/home: $x^2$ ~~gone~~ _it_ `code` \\* back\\slash",
]


def text_of(rendered: str) -> str:
    """The visible text of one rendered paragraph: the tags stripped, entities decoded."""
    return html.unescape(re.sub(r"</?p>", "", rendered)).strip()


class TestEscapeMarkdown:
    @pytest.mark.parametrize("text", HOSTILE)
    def test_renders_as_exactly_the_text(self, text):
        rendered = RENDER(escape_markdown(text))
        assert rendered.startswith("<p>") and rendered.count("<p>") == 1
        tags = set(re.findall(r"</?([a-z0-9]+)", rendered))
        assert tags == {"p"}
        assert text_of(rendered) == text

    def test_script_and_img_become_text(self):
        text = "Before <script>alert(1)</script> and <img src=x onerror=alert(1)> after."
        assert escape_markdown(text) == (
            "Before \\<script\\>alert(1)\\</script\\> and \\<img src=x onerror=alert(1)\\> after."
        )
        assert RENDER(escape_markdown(text)) == (
            "<p>Before &lt;script&gt;alert(1)&lt;/script&gt; and "
            "&lt;img src=x onerror=alert(1)&gt; after.</p>\n"
        )

    def test_markdown_link_and_bold_become_text(self):
        assert escape_markdown("**x** [a](javascript:alert(1))") == (
            "\\*\\*x\\*\\* \\[a\\](javascript\\:alert(1))"
        )

    def test_ordinary_prose_is_left_alone(self):
        text = "Referrals to MAPPA were late in 3 of the 5 cases, 41.2% against 35.7%."
        assert escape_markdown(text) == text

    def test_only_line_starts_escape_list_and_heading_marks(self):
        assert escape_markdown("1.2 and 3-4 #5") == "1\\.2 and 3-4 #5"
        assert escape_markdown("#5 - x\n-y") == "\\#5 - x\n\\-y"

    def test_nul_is_replaced(self):
        assert escape_markdown("a\x00b") == "a\ufffdb"


class TestHighlighted:
    def test_quote_in_bold_rest_plain(self):
        text = "Planning was weak.  It had not improved. Oversight was good."
        assert highlighted(text, "It had not improved.") == (
            "Planning was weak. **It had not improved.** Oversight was good."
        )
        assert RENDER(highlighted(text, "It had not improved.")) == (
            "<p>Planning was weak. <strong>It had not improved.</strong> Oversight was good.</p>\n"
        )

    def test_hostile_quote_is_bold_and_inert(self):
        text = "See <img src=x onerror=alert(1)> and **x** [a](javascript:alert(1)) here."
        quote = "<img src=x onerror=alert(1)> and **x**"
        assert RENDER(highlighted(text, quote)) == (
            "<p>See <strong>&lt;img src=x onerror=alert(1)&gt; and **x**</strong> "
            "[a](javascript:alert(1)) here.</p>\n"
        )

    def test_quote_not_found_leaves_paragraph_plain(self):
        assert highlighted("One [two].", "three") == "One \\[two\\]."


class TestAnswerMarkdown:
    def test_lists_survive_quotes_are_escaped(self):
        answer = (
            "Marshbury SQS 2016 lists 2 key strengths:\n"
            "- “MAPPA was <b>well</b> understood.” [1]\n"
            "- “Oversight was *now* effective.” [2]"
        )
        assert answer_markdown(answer) == (
            "Marshbury SQS 2016 lists 2 key strengths\\:\n"
            "- “MAPPA was \\<b\\>well\\</b\\> understood.” \\[1\\]\n"
            "- “Oversight was \\*now\\* effective.” \\[2\\]"
        )
        assert RENDER(answer_markdown(answer)) == (
            "<p>Marshbury SQS 2016 lists 2 key strengths:</p>\n<ul>\n"
            "<li>“MAPPA was &lt;b&gt;well&lt;/b&gt; understood.” [1]</li>\n"
            "<li>“Oversight was *now* effective.” [2]</li>\n</ul>\n"
        )

    def test_a_bold_span_opening_a_line_stays_bold_and_nothing_else_does(self):
        answer = (
            "**27-29 April 2015** — “It was *done* from 27-29 April 2015.” [1]\n"
            "- **Marshbury SQS 2016**: “A **loud** [link](javascript:x) claim.” [2]\n"
            "“**Not** a lead: it is inside the quote.” [3]"
        )
        assert RENDER(answer_markdown(answer)) == (
            "<p><strong>27-29 April 2015</strong> — “It was *done* from 27-29 April 2015.” [1]</p>\n"
            "<ul>\n<li><strong>Marshbury SQS 2016</strong>: “A **loud** [link](javascript:x) "
            "claim.” [2]</li>\n</ul>\n"
            "<p>“**Not** a lead: it is inside the quote.” [3]</p>\n"
        )

    def test_lines_stay_lines(self):
        assert answer_markdown("First [1]\nSecond \\ [2]\n\nThird") == (
            "First \\[1\\]\\\nSecond \\\\ \\[2\\]\n\nThird"
        )
        assert RENDER(answer_markdown("First [1]\nSecond \\ [2]\n\nThird")) == (
            "<p>First [1]<br />\nSecond \\ [2]</p>\n<p>Third</p>\n"
        )

    def test_a_line_after_a_list_is_not_part_of_it(self):
        assert RENDER(answer_markdown("- one [1]\nAfter")) == (
            "<ul>\n<li>one [1]</li>\n</ul>\n<p>After</p>\n"
        )
