"""retrieval/prompts.py: the prompt files are loaded and checked at start, and the sources they
carry are numbered, labelled, delimited and defanged."""

from __future__ import annotations

import shutil

import pytest

from findings.errors import PromptError
from retrieval.prompts import default_prompts_dir, load_prompts, template_variables


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "prompts"
    shutil.copytree(default_prompts_dir(), copy)
    return copy


class TestLoading:
    def test_the_shipped_prompts_load_with_their_variables(self):
        prompts = load_prompts()
        assert template_variables(prompts.system) == []
        assert sorted(template_variables(prompts.answer)) == ["question", "sources"]
        assert sorted(template_variables(prompts.rewrite)) == ["history", "question"]
        assert "Not in the reports." in prompts.system

    def test_a_missing_variable_names_what_is_required_and_what_is_given(self, folder):
        (folder / "answer.txt").write_text("Sources:\n{sources}\n")
        with pytest.raises(PromptError) as err:
            load_prompts(folder)
        assert str(err.value) == (
            f"{folder / 'answer.txt'}: the template must use {{question}}, {{sources}}; it uses "
            "{sources} (missing {question}). Fix the file (write a literal brace as {{ or }})."
        )

    def test_an_unknown_variable_is_refused(self, folder):
        (folder / "rewrite.txt").write_text("{history} {question} {answer}")
        with pytest.raises(PromptError) as err:
            load_prompts(folder)
        assert str(err.value) == (
            f"{folder / 'rewrite.txt'}: the template must use {{history}}, {{question}}; it uses "
            "{history}, {question}, {answer} (unknown {answer}). Fix the file (write a literal "
            "brace as {{ or }})."
        )

    def test_a_lone_brace_is_refused(self, folder):
        (folder / "system.txt").write_text("Answer in JSON like {")
        with pytest.raises(PromptError) as err:
            load_prompts(folder)
        assert str(err.value) == (
            f"{folder / 'system.txt'}: is not a valid template (Single '{{' encountered in format "
            "string). Write a literal brace as {{ or }}."
        )

    def test_a_missing_file_says_what_to_do(self, folder):
        (folder / "system.txt").unlink()
        with pytest.raises(PromptError) as err:
            load_prompts(folder)
        assert str(err.value) == (
            f"{folder / 'system.txt'}: prompt file not found. Set FINDINGS_PROMPTS_DIR to a "
            "folder that has it, or unset FINDINGS_LLM."
        )

    def test_literal_braces_render(self, folder):
        (folder / "system.txt").write_text("Markers look like {{n}} in brackets.")
        prompts = load_prompts(folder)
        assert prompts.answer_messages("Q?", "S")[0] == (
            "system",
            "Markers look like {n} in brackets.",
        )
