import pytest

from sciplain.summarize.participants import find_duration, find_participants

from .abstracts import ANIMAL, RCT, REVIEW


def _methods(text):
    return [(text, "methods")]


@pytest.mark.parametrize("text, count", [
    ("Forty-two adults with chronic SCI were enrolled.", 42),
    ("We recruited 45 adults with chronic incomplete spinal cord injury.", 45),
    ("A total of 1,204 patients were included.", 1204),
    ("Twelve wheelchair users took part.", 12),
    ("Fifty-six outpatients and 16 healthy controls were assessed.", 72),
    ("One hundred and five veterans completed the survey.", 105),
])
def test_participants_count_from_digits_and_word_numbers(text, count):
    assert find_participants(_methods(text), "humans", "cohort (prospective)")["count"] == count


@pytest.mark.parametrize("text", [
    "Patients were 45 years old on average.",
    "Injury occurred in 2010 and pain rose by 45%.",
    "About 45% of patients improved.",
])
def test_participants_ignore_ages_years_and_percentages(text):
    assert "count" not in find_participants(_methods(text), "humans", "cohort (prospective)")


def test_participants_population_keeps_the_describing_phrase():
    found = find_participants(_methods("We recruited 45 adults with chronic incomplete spinal cord injury who walked."), "humans", "other")
    assert found["population"] == "45 adults with chronic incomplete spinal cord injury"


def test_participants_animal_strains_listed():
    found = find_participants([(ANIMAL.sections[0].text, "methods")], "mice", "animal study")
    assert found["population"] == "Swiss, Balb/cJ and IL-4 knockout mice"
    assert found["species"] == "mice"


def test_participants_review_counts_studies_and_people():
    found = find_participants([(REVIEW.sections[3].text, "results")], "humans", "systematic review with meta-analysis")
    assert found["count"] == 480 and found["studies"] == 12
    assert found["description"] == "12 studies with 480 participants"


@pytest.mark.parametrize("text, extra", [
    ("Forty adults (mean age 52 years) took part.", "mean age 52 years"),
    ("We studied 30 patients aged 18-65 years; 70% were male.", "aged 18-65 years"),
])
def test_participants_description_adds_age_and_sex_when_stated(text, extra):
    assert extra in find_participants(_methods(text), "humans", "other")["description"]


@pytest.mark.parametrize("text, duration", [
    ("Adults were randomly assigned to 8 weeks of treadmill training or usual care.", "8 weeks of treadmill training"),
    ("Outcomes were measured at the 12-month follow-up.", "12-month follow-up"),
    ("Patients were followed for a median of 4 years.", "followed for a median of 4 years"),
    ("Mice were treated for 14 days with drug X.", "14 days"),
    ("Participants completed a 6-week exercise program.", "6-week exercise program"),
])
def test_duration_finds_intervention_or_follow_up_length(text, duration):
    assert find_duration(_methods(text), "randomized controlled trial") == duration


@pytest.mark.parametrize("text", [
    "Patients were injured 3 years before the study.",
    "Participants were 45 years old.",
    "Participants had been injured for 10 years since injury.",
    "We searched databases published between 2000 and 2020.",
    "Mean time since injury was 7 years.",
])
def test_duration_is_none_for_time_since_injury_ages_and_search_windows(text):
    assert find_duration(_methods(text), "cohort (prospective)") is None


def test_duration_for_the_rct_fixture():
    assert find_duration([(s.text, "methods") for s in RCT.sections if s.label == "METHODS"], "randomized controlled trial") == \
        "8 weeks of treadmill training"
