import pytest

from sciplain.summarize.participants import find_duration, find_participants

from .abstracts import ANIMAL, RCT, REVIEW, article


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


def test_participants_population_is_the_describing_phrase_without_the_count():
    found = find_participants(_methods("We recruited 45 adults with chronic incomplete spinal cord injury who walked."), "humans", "other")
    assert found["population"] == "adults with chronic incomplete spinal cord injury"
    assert found["description"] == "45 adults with chronic incomplete spinal cord injury"


@pytest.mark.parametrize("text", [
    "We studied 318 patients with traumatic spinal cord injury treated between 2005 and 2015.",
    "We studied 318 patients with traumatic spinal cord injury surgically treated in 2010.",
])
def test_participants_description_loses_the_participle_whose_time_was_cut(text):
    assert find_participants(_methods(text), "humans", "other")["description"] == "318 patients with traumatic spinal cord injury"


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
    # a range with its unit on both ends is not cut at the first ("aged 1")
    ("We included 439 children, aged 1 year to 18 years.", "aged 1 year to 18 years"),
    ("We studied 200 adults aged 65 and over.", "aged 65 and over"),
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


@pytest.mark.parametrize("text, population", [
    ("Female C57BL/6 mice received a thoracic contusion and were treated with drug X or vehicle.", "Female C57BL/6 mice"),
    ("Adult female C57BL/6J mice underwent a T9 crush injury.", "Adult female C57BL/6J mice"),
    ("BALB/c mice were immunised before a spinal cord contusion.", "BALB/c mice"),
    ("Adult Sprague-Dawley rats underwent a T10 transection.", "Adult Sprague-Dawley rats"),
    ("Wistar rats and Long-Evans rats received a contusion at T8.", "Wistar rats and Long-Evans rats"),
])
def test_strain_names_never_yield_a_count(text, population):
    found = find_participants(_methods(text), "mice" if "mice" in text else "rats", "animal study")
    assert "count" not in found
    assert found["population"] == found["description"] == population


@pytest.mark.parametrize("text, population", [
    ("We used Swiss, Balb/cJ and IL-4 knockout mice.", "Swiss, Balb/cJ and IL-4 knockout mice"),
    ("Here, Swiss, Balb/cJ, and IL-4 knock-out mice received a contusion.", "Swiss, Balb/cJ, and IL-4 knock-out mice"),
    ("Swiss mice, Balb/cJ mice and IL-4 knockout mice received a contusion.", "Swiss mice, Balb/cJ mice and IL-4 knockout mice"),
    ("We compared recovery in Swiss and Balb/cJ mice and in IL-4 knockout mice.", "Swiss and Balb/cJ mice and IL-4 knockout mice"),
])
def test_strain_lists_keep_every_group(text, population):
    assert find_participants(_methods(text), "mice", "animal study")["population"] == population


def test_a_count_before_the_strains_is_kept():
    found = find_participants(_methods("Twenty-four female C57BL/6 mice received a contusion."), "mice", "animal study")
    assert found["count"] == 24 and found["description"] == "Twenty-four female C57BL/6 mice"
    found = find_participants(_methods("Thirty Swiss, Balb/cJ and IL-4 knockout mice were injured."), "mice", "animal study")
    assert found["count"] == 30 and found["population"] == "Swiss, Balb/cJ and IL-4 knockout mice"


RCT_AGED = [(("We randomised 48 adults with chronic incomplete spinal cord injury aged 18 to 65 years to 12 weeks of robotic "
             "gait training or usual physiotherapy."), "methods"),
            ("Walking was assessed after training and at a 6-month follow-up.", "methods")]


def test_age_range_is_neither_cut_nor_repeated():
    found = find_participants(RCT_AGED, "humans", "randomized controlled trial")
    assert found["description"] == "48 adults with chronic incomplete spinal cord injury (aged 18 to 65 years)"
    assert found["population"] == "adults with chronic incomplete spinal cord injury"
    assert found["count"] == 48


@pytest.mark.parametrize("text, description", [
    ("We enrolled 24 men and 12 women with paraplegia.", "24 men and 12 women with paraplegia"),
    ("We studied 142 persons aged 60 years or older with major depression.", "142 persons with major depression (aged 60 years or older)"),
    ("Sixty adults, aged 20-40 years, with tetraplegia took part; 70% were male.", "Sixty adults with tetraplegia (aged 20-40 years; 70% were male)"),
])
def test_no_fragment_is_repeated_in_the_description(text, description):
    found = find_participants(_methods(text), "humans", "randomized controlled trial")
    assert found["description"] == description


def test_population_stops_before_a_cut_off_word():
    text = ("We included 30 adults with chronic cervical spinal cord injury, neuropathic pain, spasticity and bladder "
            "dysfunction requiring intermittent catheterisation.")
    found = find_participants(_methods(text), "humans", "cross-sectional")
    assert found["population"] == "adults with chronic cervical spinal cord injury, neuropathic pain"


@pytest.mark.parametrize("text, description", [
    ("We describe a 52-year-old man with C5 tetraplegia who developed autonomic dysreflexia.", "one 52-year-old man with C5 tetraplegia"),
    ("A 34-year-old woman presented with sudden paraplegia.", "one 34-year-old woman"),
    ("We present two patients with cauda equina syndrome. The first was a 61-year-old man.", "two patients with cauda equina syndrome"),
])
def test_case_report_counts_its_single_case(text, description):
    found = find_participants(_methods(text), "humans", "case report")
    assert found["description"] == description
    assert found["count"] == (2 if description.startswith("two") else 1)


COHORT_FOLLOWED = [("We prospectively followed 212 people with spinal cord injury for 12 months after discharge.", "methods")]


def test_cohort_follow_up_stays_out_of_participants():
    found = find_participants(COHORT_FOLLOWED, "humans", "cohort (prospective)")
    assert found["description"] == "212 people with spinal cord injury" and found["count"] == 212
    assert find_duration(COHORT_FOLLOWED, "cohort (prospective)") == "12 months after discharge"


def test_pipeline_mouse_study_without_a_count(offline):
    mice = article("Drug X after contusion in mice", "Inflammation follows spinal cord injury. Female C57BL/6 mice received a "
                   "thoracic contusion and were treated with drug X or vehicle. Drug X reduced lesion size.",
                   mesh=["Animals", "Mice", "Spinal Cord Injuries"])
    summary = offline.analyse(mice).summary
    assert summary.participants.count is None
    assert summary.participants.description == "female C57BL/6 mice"
    assert "6 female" not in summary.simple_explanation


def test_pipeline_case_report_keeps_one_in_words(offline):
    case = article("Autonomic dysreflexia after tetraplegia: a case report",
                   [("Case presentation", ("We describe a 52-year-old man with C5 tetraplegia who developed autonomic "
                                          "dysreflexia. Symptoms resolved by the 6-month follow-up."))],
                   publication_types=["Case Reports"])
    summary = offline.analyse(case).summary
    assert summary.participants.description == "one 52-year-old man with C5 tetraplegia"
    assert summary.participants.count == 1
    assert summary.study_duration == "6-month follow-up"


@pytest.mark.parametrize("text, count, description", [
    ("One hundred thirty-two adults with chronic SCI were enrolled.", 132, "One hundred thirty-two adults with chronic SCI"),
    ("One hundred thirty five adult patients were randomised.", 135, "One hundred thirty five adult patients"),
    ("The survey reached 18 804 wheelchair users.", 18804, "18 804 wheelchair users"),
])
def test_participants_compound_number_words_and_spaced_thousands_count_whole(text, count, description):
    found = find_participants(_methods(text), "humans", "cross-sectional")
    assert (found["count"], found["description"]) == (count, description)


@pytest.mark.parametrize("text, description", [
    ("Twelve rehabilitation centres will enrol 120 adults with chronic SCI.", "120 adults with chronic SCI"),
    ("Two sites recruited 64 veterans with tetraplegia.", "64 veterans with tetraplegia"),
    ("We enrolled 786 patients with chronic SCI met the inclusion criteria.", "786 patients with chronic SCI"),
    ("We studied 2211 patients undergoing spinal surgery between December 2006 and November 2008.", "2211 patients undergoing spinal surgery"),
    ("We describe 2 cases in which a stimulator lead migrated.", "2 cases"),
    ("We recruited 274 wheelchair users in order to test a new cushion.", "274 wheelchair users"),
])
def test_participants_description_is_a_noun_phrase_never_a_clause(text, description):
    assert find_participants(_methods(text), "humans", "cohort (prospective)")["description"] == description


def test_participants_events_among_people_are_not_people():
    assert "count" not in find_participants(_methods("During follow-up, 35 deaths occurred among the subjects."), "humans", "cohort (prospective)")


def test_participants_a_total_is_who_took_part():
    found = find_participants(_methods("Among a cohort of 1,500 adults with SCI, a total of 420 adults were included."), "humans", "other")
    assert (found["count"], found["description"]) == (420, "420 adults")
    found = find_participants(_methods("A total of 181 limbs of 167 patients were examined."), "humans", "other")
    assert (found["count"], found["description"]) == (167, "167 patients")


@pytest.mark.parametrize("text, count, description", [
    ("We included 6 studies that involved 518 participants with SCI.", 518, "6 studies with 518 participants"),
    ("Two small trials recruiting 23 participants met the criteria.", 23, "Two studies with 23 participants"),
    ("We found 3 small studies evaluating 154 adults.", 154, "3 studies with 154 adults"),
    ("Data came from 7524 participants from 40 randomised controlled trials.", 7524, "40 studies with 7524 participants"),
])
def test_review_counts_people_not_studies(text, count, description):
    found = find_participants([(text, "results")], "humans", "systematic review")
    assert (found["count"], found["description"]) == (count, description)


def test_review_without_people_gives_no_age_and_no_year_as_a_study_count():
    sentences = [("We searched databases up to 2019.", "methods"), ("We included 5 studies; participants were aged 48 to 57 years.", "results")]
    found = find_participants(sentences, "humans", "systematic review")
    assert found == {"description": "5 studies", "studies": 5, "species": "humans"}


def test_review_one_included_study_is_not_the_review_total():
    sentences = [("We included 22 studies with 2193 participants.", "results"), ("One study with 45 participants was at high risk of bias.", "results")]
    assert find_participants(sentences, "humans", "systematic review")["description"] == "22 studies with 2193 participants"


def test_reader_form_keeps_words_the_number_check_cannot_read_back():
    from sciplain.summarize.steps.participants import _digits_first

    assert _digits_first("Forty-five adults with SCI") == "45 adults with SCI"
    assert _digits_first("One hundred thirty-two patients") == "One hundred thirty-two patients"
    assert _digits_first("Two hundred patients") == "Two hundred patients"  # read as "two hundred patients", no number


def test_the_population_stops_before_what_the_participants_did(offline):
    from .abstracts import article

    a = article("Cycling after spinal cord injury",
                "Thirty adults with chronic spinal cord injury did electrical stimulation cycling or passive cycling "
                "for 12 weeks. Leg strength increased by 25%.")
    description = offline.summarize(a).participants.description
    assert description.endswith("spinal cord injury") and "did" not in description.split()


@pytest.mark.parametrize("text, description", [
    ("Normal mice received a thoracic contusion and were treated with drug X.", "normal mice"),
    ("Female C57BL/6 mice received a thoracic contusion and were treated with drug X.", "female C57BL/6 mice"),
    ("Swiss mice received a thoracic contusion and were treated with drug X.", "Swiss mice"),  # a strain's name
])
def test_a_description_opens_in_lower_case_unless_with_a_name(offline, text, description):
    from .abstracts import article

    a = article("T", [("METHODS", text), ("RESULTS", "Walking improved in treated mice.")])
    summary = offline.analyse(a).summary
    assert summary.participants.description == description
    assert f"The study used {description}." in summary.simple_explanation


def test_a_long_abbreviation_stays_short_in_the_participants(offline):
    from .abstracts import article

    a = article("T", [("BACKGROUND", "Obsessive compulsive personality disorder (OCPD) is common."),
                      ("METHODS", "In all, 75 patients with OCPD took part."),
                      ("RESULTS", "Perfectionism predicted symptoms.")])
    assert offline.analyse(a).summary.participants.description == "75 patients with OCPD"


def test_number_words_and_age_details_read_well_inside_the_simple_explanation(offline):
    from .abstracts import article

    a = article("Trauma registry", [("", ("Four hundred fifty-nine patients were registered in the first year. Road traffic "
                                         "collisions were the most common cause of injury."))])
    assert "The study included four hundred fifty-nine patients." in offline.analyse(a).summary.simple_explanation
    a = article("Sexual risk", [("", "We enrolled 1,527 women (median age was 35 years) in five counties. Two women tested positive.")])
    summary = offline.analyse(a).summary
    assert summary.participants.description == "1,527 women (median age was 35 years)"
    assert "The study included 1,527 women." in summary.simple_explanation
