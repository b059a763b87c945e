"""The shared vocabulary: list headings named in questions."""

from findings.vocab import list_kind_named


def test_a_list_heading_named_in_a_question():
    assert list_kind_named("What areas for improvement did the inspection identify?") == (
        "improvement"
    )
    assert list_kind_named("List the key strengths, please.") == "strength"
    assert list_kind_named("How many recommendations were made?") == "recommendation"
    assert list_kind_named("Which recommendation was for the police?") == "recommendation"


def test_words_of_a_heading_alone_are_not_a_list():
    assert list_kind_named("Did planning improve between the inspections?") is None
    assert list_kind_named("Was the improvement in planning kept up?") is None


def test_a_list_heading_named_in_other_words_order():
    """ "How many improvement areas came out of the screening?" names the list "Areas for
    improvement" (it abstained: no paragraph prints the count)."""
    assert list_kind_named("How many improvement areas came out of the screening?") == (
        "improvement"
    )
    assert list_kind_named("What were the areas of improvement?") == "improvement"
    assert list_kind_named("Which improvement area was about planning?") == "improvement"
    assert list_kind_named("How did the area improve?") is None
    assert list_kind_named("Was there improvement in other areas?") is None


def test_recs_is_the_recommendations():
    assert list_kind_named("How many recs did Ravensgarth receive?") == "recommendation"
    assert list_kind_named("saltby 2024 recs - who acts on each?") == "recommendation"
