"""`retrieval.text`: the lexicon's phrases matched on words (`Cue`), years, and people's names."""

import pytest

from findings import lexicon
from retrieval.plan import prints_identifier
from retrieval.text import (
    Cue,
    amounts,
    is_year,
    money_span,
    names_in,
    person_span,
    spellings_of_year_span,
    start_span,
    tokens,
    year_spans,
    years,
)


class TestCue:
    def test_alternatives_optional_words_and_endings(self):
        cue = Cue(["need|needs to be? done|improve"])
        assert cue.search("What needs to be done?")
        assert cue.search("What did they need to improve")
        assert not cue.search("What needs doing?")
        assert Cue(["improv*"]).spans("Has it improved since?") == [(2, 3)]

    def test_a_prefix_is_a_whole_word_prefix_not_a_substring(self):
        # "first-time entrants" is one word: it is not the first report
        assert not Cue(lexicon.FIRST).search("What was the first-time entrant rate?")
        assert Cue(lexicon.FIRST).search("What did the first inspection find?")
        assert not Cue(["rate"]).search("How were the standards rated?")

    def test_a_year_slot_and_any_word(self):
        cue = Cue(lexicon.BEFORE_YEAR)
        ws_span = cue.spans("Before the 2016 inspection, what had inspectors said?")
        assert ws_span == [(0, 3)]
        assert not cue.search("before the inspection")
        summary = Cue(lexicon.SUMMARY_ASK)
        assert summary.search("What did inspectors say about MAPPA?")
        assert summary.search("What did they find out there about MAPPA?")
        assert not summary.search("What did they find in three cases out of ten about MAPPA?")

    def test_unless_cancels_a_match_at_the_same_word(self):
        cue = Cue(lexicon.PREVIOUS, unless=lexicon.PREVIOUS_NOT)
        assert cue.search("What did the previous inspection say?")
        assert not cue.search("What was done prior to 2016?")

    def test_not_after_cancels_a_match_that_ends_a_phrase(self):
        """ "offend again" is reoffending; "still" after "reoffending" is still a change."""
        cue = Cue(lexicon.CHANGE, not_after=lexicon.CHANGE_NOT_AFTER)
        assert not cue.search("How often do kids go on to offend again?")
        assert cue.spans("Is reoffending still high?") == [(2, 3)]
        assert cue.spans("Did it happen again?") == [(3, 4)]

    def test_opens_skips_leading_conjunctions_and_reads_clauses_only_when_asked(self):
        yes_no = Cue(lexicon.YES_NO_OPENERS)
        assert yes_no.opens("And was planning good?")
        assert not yes_no.opens("Planning was good, was it?")
        assert yes_no.opens("Planning in 2016, was it good?", clauses=True)
        who = Cue(lexicon.WHO_OPENERS)
        assert who.opens("So who led it?")
        assert not who.opens("What did they say, and who is to fix it?")


def test_years():
    assert years("Between 2014 and 2016/17, not 1850 or 20155") == ["2014", "2016", "2017"]
    assert is_year("2019") and not is_year("2190") and not is_year("219")


def test_a_plan_s_period_is_every_year_it_runs():
    """ "the board's aims for 2022-24" names a plan's years, which a 2023 report tells of: each
    year of the period, not 2022 alone (which abstained: no stored report covers 2022). A span
    too long for a plan, or a year after a dash that is no later, adds nothing."""
    assert years("aims for 2022-24?") == ["2022", "2023", "2024"]
    assert years("in 2018-20") == ["2018", "2019", "2020"]
    assert years("from 2014-29, 2016-12 and 2014-2015") == ["2014", "2016", "2014", "2015"]
    assert year_spans("aims for 2022-24?") == []  # no financial year to print as written


def test_a_financial_year_is_both_years_and_a_period_printed_as_written():
    text = "Costs in 2022-23, 2019–20 and 2016/17; not 2018-20, 2014-2015 or 2020-211."
    assert year_spans(text) == ["2022-23", "2019–20", "2016/17"]
    assert years("in 2022-23") == ["2022", "2023"]
    assert spellings_of_year_span("2022-23") == [
        "2022-23",
        "2022/23",
        "2022–23",
        "2022-2023",
        "2022/2023",
        "2022–2023",
        "2022 to 2023",
        "31 March 2023",
    ]
    # a financial year told by the day it ends
    assert prints_identifier("Children supervised in the year to 31 March 2021 | 134", "2020/21")
    assert not prints_identifier("in the year to 31 March 2022 | 134", "2020/21")
    assert prints_identifier("The budget for 2011/2012 was £2.47 million", "2011/12")
    assert prints_identifier("spent £1.4 million in 2022/23, more than", "2022-23")
    assert not prints_identifier("in 2021-22, more than", "2022-23")
    assert prints_identifier("team 4321, the night team", "4321")
    assert not prints_identifier("1,460 hours", "1")


def test_a_count_of_the_children_by_any_of_their_names():
    """ "How many kids…" is answered by "15 cases of children and young people"."""
    from retrieval.text import prints_count, stem

    text = "Inspectors looked at 15 cases of children and young people."
    assert prints_count(text, stem("kids"))
    assert prints_count(text, stem("youngsters"))
    assert not prints_count(text, stem("staff"))
    # "How many young people went through the scheme?"
    assert prints_count("Of the 118 children who completed it, 84% did well.", stem("young"))


def test_a_count_of_case_managers_is_no_count_of_children():
    """Children are counted as "cases", but "nine case managers" and "12 case manager posts"
    count people and posts: a job after the word makes it a modifier."""
    from retrieval.text import prints_count, stem

    assert not prints_count("Four of the nine case managers were new.", stem("children"))
    assert not prints_count("All 12 case manager posts were filled.", stem("children"))
    assert prints_count("We inspected 12 cases of children.", stem("children"))


def test_a_year_counts_nothing_and_the_number_of_them_told_with_a_figure_counts():
    """ "during 2023 after a restructure of Children's Services" counts no children; "the
    number of children entering the system … has fallen by 38 per cent" tells their number,
    a figure in another sentence does not."""
    from retrieval.text import prints_count, stem

    assert not prints_count(
        "Several staff left during 2023 after a restructure of Children's Services.",
        stem("children"),
    )
    told = (
        "Since the panel was set up in 2019, the number of children entering the youth "
        "justice system has fallen by 38 per cent."
    )
    assert prints_count(told, stem("kids"))
    assert not prints_count(told, stem("staff"))
    assert not prints_count(
        "The number of children entering the system has fallen. We met 4 staff.",
        stem("children"),
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("This inspection was led by HM Inspector Bethan Harcourt, supported by Ann Lee.", "Bethan Harcourt"),
        ("The board was chaired by Councillor Maureen Ashdale of the county council.", "Councillor Maureen Ashdale"),
        ("Since April 2020 the board has been chaired by Ruth Calloway.", "Ruth Calloway"),
        ("In Pellworth the service was run by Tom Hale.", "Tom Hale"),
        ("Cases went to the Outcomes Panel, chaired by Kezia Marchant.", "Kezia Marchant"),
        ("The office on Kingsmead Road was shared with Jo Pike.", "Jo Pike"),
        ("Children held at Hatherdown Young Offender Institution were visited by Sam Oyelaran.", "Sam Oyelaran"),
        ("The services are Wexcaster City and Sollis Bay.", None),
        # a body whose name runs on past the pair to an institution's word
        ("Members include NHS Wenlow Clinical Commissioning Group staff.", None),
        # a signature: the initialism after the name ends the run ("HM Inspector" is her title)
        ("Ada Lovell HM Chief Inspector of Probation", "Ada Lovell"),
        # a police rank opens the name, as "Councillor" does (it was "Sergeant Jasper")
        ("Sergeant Jasper Tulliver now leads a police unit.", "Sergeant Jasper Tulliver"),
        # two ranks before the name (it was "Detective Superintendent Alan")
        ("The board is chaired by Detective Superintendent Alan Brierley.", "Detective Superintendent Alan Brierley"),
        # a police force or an emergency service is no person
        ("We spoke to representatives of Eastfell Constabulary and the YOS.", None),
    ],
)  # fmt: skip
def test_a_person_s_name_is_not_a_place_a_body_or_a_date(text, name):
    span = person_span(text)
    assert (text[span[0] : span[1]] if span else None) == name


def test_a_place_ending_the_cell_before_a_name_does_not_make_it_a_thing_s_name():
    """ "Marshbury Second Step" is a thing's name, the place before it; a place at the end of
    the copy list's role cell is not ("… for Dunmere | Gwen Alderton": no name was found)."""
    text = "Police and Crime Commissioner for Dunmere | Gwen Alderton"
    span = person_span(text, {"dunmere", "marshbury"})
    assert span is not None and text[span[0] : span[1]] == "Gwen Alderton"
    assert person_span("The Marshbury Second Step scheme ran.", {"dunmere", "marshbury"}) is None


def test_the_person_asked_for_is_not_one_the_question_names():
    """ "Who took over from Janet Okoro?": the next person the passage names, not her; none
    when she is the only one; the next name starts after hers ("Pryce Owen" is no one)."""
    text = "Janet Okoro retired in June 2021, and Tobias Renwick took over as head of service."
    asked = names_in("Who took over from Janet Okoro as head of service?")
    assert asked == frozenset({"janet okoro"})
    span = person_span(text, besides=asked)
    assert span is not None and text[span[0] : span[1]] == "Tobias Renwick"
    assert (
        person_span("To: Joanna Pryce Head of Youth Offending Service", besides={"joanna pryce"})
        is None
    )
    assert person_span("Signed: Joanna Pryce", besides={"joanna pryce"}) is None
    both = "Joanna Pryce Owen Carradine"  # a signature block's names, run together
    span = person_span(both, besides={"joanna pryce"})
    assert span is not None and both[span[0] : span[1]] == "Owen Carradine"


def test_two_words_printed_in_lower_case_elsewhere_are_no_name():
    """ "Youth Rehabilitation Orders" capitalises words the reports print in lower case; a
    name whose words are printed lower case only in an email address is still a name."""
    from retrieval.corpus import build_corpus

    texts = [
        "Youth Rehabilitation Orders | 18",
        "Most children were on rehabilitation orders; youth workers visited them.",
        "For a copy: Hannah Okafor (hannah.okafor@example.org).",
    ]
    rows = {
        "ids": [f"a:{i}" for i in range(3)],
        "texts": texts,
        "metadatas": [{"report_id": "a", "section": "Facts"} for _ in texts],
    }
    corpus = build_corpus([{"report_id": "a", "area": "Oakhill"}], rows)
    assert person_span(texts[0], (), corpus.lower_words) is None
    assert person_span(texts[0]) is not None  # without the corpus: a pair like any other
    span = person_span(texts[2], (), corpus.lower_words)
    assert texts[2][span[0] : span[1]] == "Hannah Okafor"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The YOT ran a parenting programme called Steady Steps in the evenings.", None),
        ("A programme called 'Turning Point' was run by Jo Pike.", "Jo Pike"),
        ("The scheme, known as Pellmoor Second Step, is chaired by Kirsty Ollerenshaw.", "Kirsty Ollerenshaw"),
        # a pair that completes a place's name: "Kestrel Vale Fire and Rescue Service"
        ("A project was run with Kestrel Vale Fire and Rescue Service.", None),
        # a name after a quotation that has closed is a person's
        ("'We were listened to', said Jo Pike.", "Jo Pike"),
    ],
)  # fmt: skip
def test_a_name_that_is_called_quoted_or_follows_a_place_is_a_thing_s(text, name):
    span = person_span(text, {"pellmoor", "kestrel vale"})
    assert (text[span[0] : span[1]] if span else None) == name


def test_a_code_s_digits_are_no_number():
    from retrieval.text import NUMBER

    text = "COVID-19 rules; 14 cases; team YOS-2; 10-15 weeks; 39.6%; the rate [1] was"
    assert NUMBER.findall(text) == ["14", "10", "15", "39.6"]


def test_drugs_and_alcohol_are_what_reports_call_substance_misuse():
    from retrieval.text import stem, synonyms

    assert {stem("substance"), stem("misuse"), stem("alcohol")} <= synonyms(stem("drugs"))
    assert stem("mental") not in synonyms(stem("drugs"))


def test_a_change_of_name_is_what_reports_call_renamed():
    from retrieval.text import stem, synonyms

    assert stem("renamed") in synonyms(stem("name"))
    assert stem("renamed") in synonyms(stem("calling"))
    assert stem("manager") not in synonyms(stem("name"))


def test_where_a_service_is_based_is_what_reports_call_its_premises():
    from retrieval.text import stem, synonyms

    assert {stem("premises"), stem("offices")} <= synonyms(stem("based"))
    assert stem("children") not in synonyms(stem("based"))


def test_a_headcount_is_what_reports_count_as_staff():
    from retrieval.text import stem, synonyms

    assert stem("staff") in synonyms(stem("headcount"))
    # employment (education, training and employment) is no staff count
    assert stem("employment") not in synonyms(stem("headcount"))


def test_an_unfilled_job_is_what_reports_call_a_vacant_post():
    from retrieval.text import stem, synonyms

    assert {stem("vacant"), stem("vacancies")} <= synonyms(stem("unfilled"))
    assert stem("empty") in synonyms(stem("vacant"))
    # a job is no post: "job tasters" are no staff posts
    assert stem("post") not in synonyms(stem("jobs"))


def test_children_diverted_are_what_reports_call_out_of_court():
    from retrieval.text import stem, synonyms, tokens

    assert tokens("out-of-court")[0] in synonyms(stem("diverted"))
    assert stem("diversion") in synonyms(stem("diverted"))
    assert stem("court") not in synonyms(stem("diverted"))


def test_within_edits_counts_inserts_deletes_and_replacements():
    from retrieval.text import within_edits

    assert within_edits("recomendations", "recommendations", 1)
    assert within_edits("kindlmere", "kindlemere", 1)
    assert not within_edits("printed", "pointless", 1)
    assert within_edits("inspecters", "inspectors", 1)
    assert not within_edits("weldmoor", "wendmoorx", 1)


def test_a_long_word_no_report_prints_is_read_as_the_one_it_misspells():
    from retrieval.text import respelled

    pool = {"r": ["recommendations", "recommended"], "w": ["wendmoor"], "p": ["pointed"]}
    printed_words = {w for ws in pool.values() for w in ws}

    def respell(q):
        return respelled(q, lambda: pool, frozenset(), lambda w: w in printed_words)

    assert respell("What recomendations came out of it?") == (
        "What recommendations came out of it?"
    )
    # a short word may be a word of its own, and a name may be a place no report covers
    assert respell("How can I get a printed copy?") == "How can I get a printed copy?"
    assert respell("What was found in Weldmoor?") == "What was found in Weldmoor?"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Table 2: Staffing at the time of fieldwork", []),
        ("We rated standard 1.2 Good: 9 of the 12 posts were filled in 2019.", ["9", "12"]),
        ("See figure 3 and paragraph 2.4; 45% of plans were sufficient.", ["45"]),
        ("Recommendation 4 was met by 11 case managers.", ["11"]),
        ("We read every case in the sample. 12 were court orders.", ["12"]),
        ("They met the standard. 9 of the 12 plans were sound.", ["9", "12"]),
        # a financial year's end is no amount ("24" was put in bold for a grant's size)
        ("The budget for 2023/24 is £2,145,000.", ["2,145,000"]),
        ("In 2022-23, 14 children were remanded.", ["14"]),
        # a telephone number is a code, not an amount; "0.5" and "0" are amounts
        ("Tel: 0161 496 0371 | Mobile: 07700 900482", []),
        ("It had 0.5 posts and 0 vacancies among 31 staff.", ["0.5", "0", "31"]),
        # a day of a date is no amount (tune59: "31" was bolded as the children supervised)
        ("118 | Children supervised by the YJS in the year to 31 December 2022", ["118"]),
        ("On December 31 there were 45 children; 31 were boys.", ["45", "31"]),
    ],
)
def test_amounts_leave_out_years_and_the_numbers_that_name_a_part_of_a_report(text, expected):
    assert [m.group(0) for m in amounts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The head of service has been in post since September 2019 and reports", "September 2019"),
        ("Since 3 May 2021 the board has met monthly.", "3 May 2021"),
        ("The panel has run since 2015.", "2015"),
        # "since" that is no start: a reason, or no date after it
        ("Ever since then, staff have been trained.", None),
        ("Since the post was vacant, cases waited 14 weeks.", None),
    ],
)
def test_a_time_told_by_the_date_it_began(text, expected):
    span = start_span(text)
    assert (text[span[0] : span[1]] if span else None) == expected


def test_a_month_abbreviated_is_the_month():
    """ "children on caseload 1 feb" finds "On 1 February 2023 the service was working with …"."""
    assert tokens("caseload on 1 feb") == tokens("caseload on 1 February")
    assert tokens("due in Sept") == tokens("due in September")
    assert tokens("a mar on the record") != tokens("a March on the record")  # "mar" is a word


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("It was 29.4 per cent, against 32.2 per cent.", "29.4 per cent"),
        ("It was 29.4%, against 32.2%.", "29.4%"),
        ("It was 29.4 percent.", "29.4 percent"),
        ("In 6 of the 14 cases.", "6 of the 14"),
    ],
)
def test_a_share_printed_whole(text, share):
    """A percentage is read whole, decimals and a spelled-out sign included."""
    from retrieval.text import PROPORTION

    assert PROPORTION.search(text).group(0) == share


@pytest.mark.parametrize(
    ("text", "money"),
    [
        ("A budget of £1.4 million was agreed.", "£1.4 million"),
        # a currency's code before the sum, as a designed report's key facts print it
        ("GBP 2.41 million YJS budget for 2022/23", "GBP 2.41 million"),
        ("The EUR 300 grant ended.", "EUR 300"),
        # the scale written onto the figure, as a sidebar prints it
        ("£2.31m annual budget", "£2.31m"),
        ("A grant of £1.2bn", "£1.2bn"),
        ("The team of 12 staff met in 2023.", None),
        ("Case MGBP 4 was closed.", None),
    ],
)
def test_a_sum_of_money_after_a_sign_or_a_currency_code(text, money):
    span = money_span(text)
    assert (text[span[0] : span[1]] if span else None) == money


def test_a_percentage_is_no_count_of_what_it_is_a_share_of():
    """ "22% of out-of-court disposals" counts none of them (it was bolded for "How many
    out-of-court cases were looked at?"); "22 out-of-court disposals" does."""
    from retrieval.text import prints_count

    focus = tokens("disposals")[0]
    assert not prints_count("They made up 22% of out-of-court disposals in 2022.", focus)
    assert not prints_count("They made up 22 per cent of out-of-court disposals.", focus)
    assert prints_count("We inspected 22 out-of-court disposals.", focus)


def test_a_contracted_stopword_is_a_stopword_and_a_name_is_not():
    """ "What's our reoffending rate" asks about no "what" (a tune question's top term was
    "what", weighted above "rate"); "O'Brien" is a name, though "o" is a stopword."""
    assert tokens("What's our reoffending rate") == tokens("our reoffending rate")
    assert tokens("I'm sure we're right, who'd know") == tokens("sure right know")
    assert tokens("Ms O'Brien's team") == ["ms", "o'brien", "team"]


def test_the_giver_a_sum_is_asked_of():
    from retrieval.text import giver_asked

    assert giver_asked("How much of the Orrinford YJS budget came from the police?") == ["polic"]
    assert giver_asked("What share of our funding is paid by the local authority?") == [
        "local",
        "author",
    ]
    # a second giver set beside the first ends the first's name; a place is no giver's word
    assert giver_asked("How much came from the police compared with the council?") == ["polic"]
    assert giver_asked("How much was funded by Dunmere council?", {"dunmere"}) == ["council"]
    # no verb of giving, no giver
    assert giver_asked("What is the budget from 2022?") == []
    assert giver_asked("How much is the budget?") == []
