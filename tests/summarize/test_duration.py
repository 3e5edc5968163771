import pytest

from sciplain.summarize.participants import find_duration

from .abstracts import CASE_REPORT, article
from .test_participants import RCT_AGED


def _methods(text):
    return [(text, "methods")]


@pytest.mark.parametrize("text, duration", [
    ("Thirty adults with incomplete SCI were randomised to 8 weeks of active tSCS or sham stimulation.",
     "8 weeks of active tSCS or sham stimulation"),
    ("Participants were allocated to 6 weeks of home-based arm crank exercise or a waiting list.", "6 weeks of home-based arm crank exercise"),
])
def test_duration_of_a_randomised_intervention(text, duration):
    assert find_duration(_methods(text), "randomized controlled trial") == duration


def test_case_report_follow_up():
    text = [("A 45-year-old woman with T6 paraplegia received an intrathecal baclofen pump.", "methods"),
            ("Spasticity remained reduced at the 6-month follow-up.", "results")]
    assert find_duration(text, "case report") == "6-month follow-up"
    assert find_duration([(s.text, "") for s in CASE_REPORT.sections], "case report") == "24-month follow-up"


def test_case_report_time_since_injury_is_not_a_duration():
    assert find_duration(_methods("A 60-year-old man was seen 11 months after injury with new arm weakness."), "case report") is None


@pytest.mark.parametrize("sentences, duration", [
    (RCT_AGED, "12 weeks of robotic gait training, with follow-up at 6 months"),
    ([("Adults received 8 weeks of treadmill training or usual care.", "methods"),
      ("Participants were followed for a median of 2 years.", "methods")],
     "8 weeks of treadmill training, with follow-up for a median of 2 years"),
    ([("Participants completed a 10-week exercise program.", "methods"),
      ("Gains were kept at the one-year follow-up.", "results")],
     "10-week exercise program, with follow-up at one year"),
])
def test_intervention_and_follow_up_are_both_given(sentences, duration):
    assert find_duration(sentences, "randomized controlled trial") == duration


@pytest.mark.parametrize("text", [
    "Participants had lived with SCI for 5 years post-injury on average.",
    "We included trials published between 2000 and 2020.",
    "Participants were aged 18 to 65 years.",
])
def test_duration_still_excludes_injury_age_and_search_windows(text):
    assert find_duration(_methods(text), "cohort (prospective)") is None


def test_reviews_have_no_duration():
    review = article(sections=[("Main results", "We included 9 trials in which people trained for 12 weeks.")])
    assert find_duration([(s.text, "results") for s in review.sections], "systematic review") is None


def test_duration_in_capitals_is_still_found():
    sentences = [("Adults were randomly assigned to 12 WEEKS of treadmill training or usual care.", "methods")]
    assert find_duration(sentences, "randomized controlled trial") == "12 WEEKS of treadmill training"


def test_duration_is_none_when_no_unit_of_time_is_named():
    assert find_duration([("Adults were randomly assigned to treadmill training or usual care.", "methods")], "randomized controlled trial") is None
