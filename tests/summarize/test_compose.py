import re

import pytest

from sciplain.summarize.steps.sentences import split_article

from .abstracts import ALL, ANIMAL, LAB, PROTOCOL, RCT, REVIEW


@pytest.mark.parametrize("name", sorted(ALL))
def test_simple_explanation_is_composed_not_copied(offline, name):
    doc = offline.analyse(ALL[name])
    simple = doc.summary.simple_explanation
    assert simple
    for s in split_article(ALL[name]):
        if len(s.text.split()) > 12:
            assert s.text not in simple


@pytest.mark.parametrize("name", sorted(ALL))
def test_simple_explanation_has_no_statistics(offline, name):
    simple = offline.analyse(ALL[name]).summary.simple_explanation
    assert not re.search(r"\b[pP]\s*[<=>]|95% CI|\bOR =|\bCI\b", simple)


def test_simple_explanation_says_what_in_whom_found_and_meaning(offline):
    simple = offline.analyse(RCT).summary.simple_explanation
    assert simple.startswith("The researchers wanted to test whether treadmill training improves walking speed")
    assert "The study included 42 adults with chronic incomplete spinal cord injury." in simple
    assert "randomized controlled trial" in simple and "by chance" in simple
    assert "Here is what they found." in simple
    assert "What it means: treadmill training may improve walking speed" in simple


@pytest.mark.parametrize("article, phrase", [
    (ANIMAL, "not in people"), (LAB, "not with people"), (PROTOCOL, "no results yet"), (REVIEW, "combined their results"),
])
def test_simple_explanation_names_the_kind_of_study(offline, article, phrase):
    assert phrase in offline.analyse(article).summary.simple_explanation


def test_simple_explanation_expands_abbreviations(offline):
    simple = offline.analyse(RCT).summary.simple_explanation
    assert "SCI" not in simple and "spinal cord injury" in simple


def test_research_summary_says_design_population_duration_and_outcome_in_sentences(offline):
    text = offline.analyse(RCT).summary.research_summary
    assert "This was a randomized controlled trial of 42 adults with chronic incomplete spinal cord injury." in text
    assert "It involved 8 weeks of treadmill training." in text
    assert "The main outcome was walking speed at 6 months." in text
    assert "Design:" not in text and "Study length:" not in text
    assert "95% CI" not in text and "p =" not in text


def test_research_summary_turns_an_infinitive_objective_into_a_sentence(offline):
    assert offline.analyse(RCT).summary.research_summary.startswith("The study aimed to test whether treadmill training")


def test_simple_explanation_uses_title_when_no_objective_is_stated(offline):
    simple = offline.analyse(PROTOCOL).summary.simple_explanation
    assert simple.startswith("This study is about functional electrical stimulation cycling after acute spinal cord injury.")
