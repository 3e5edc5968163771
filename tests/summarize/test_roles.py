import pytest

from sciplain.summarize.roles import decode, is_metadata, predict_roles, role_from_label
from sciplain.summarize.steps.sentences import split_article
from sciplain.summarize.textutil import lower_case_pattern

from .abstracts import COHORT, RCT, REVIEW, article


@pytest.mark.parametrize("label, category, role", [
    ("BACKGROUND", "BACKGROUND", "background"),
    ("Purpose", "", "objective"),
    ("Materials and methods", "", "methods"),
    ("Main results", "", "results"),
    ("Authors' conclusions", "", "conclusions"),
    ("Search methods", "", "methods"),
    ("Study limitations", "", "limitations"),
    ("Whatever", "RESULTS", "results"),
    ("Trial registration", "BACKGROUND", "other"),
    ("Funding", "", "other"),
    ("Conflict of interest statement", "", "other"),
    ("", "", ""),
])
def test_role_from_label_maps_printed_labels_and_nlm_categories(label, category, role):
    assert role_from_label(label, category) == role


def test_role_decode_never_moves_backwards():
    rows = [{"background": 0, "objective": 0, "methods": 0, "results": 5, "conclusions": 0},
            {"background": 3, "objective": 0, "methods": 0, "results": 2.9, "conclusions": 0}]
    assert decode(rows) == ["results", "results"]


def test_role_prediction_for_an_unstructured_abstract_follows_the_usual_order():
    roles = [s.role for s in split_article(COHORT)]
    assert roles[0] == "background"
    assert roles[1] == "objective"
    assert "methods" in roles[2:4]
    assert roles[-1] == "conclusions"
    assert "results" in roles


@pytest.mark.parametrize("sentence, role", [
    ("We aimed to determine whether early surgery improves recovery.", "objective"),
    ("Participants were randomly assigned to two groups.", "methods"),
    ("Pain scores were lower in the treatment group (p < 0.01).", "results"),
])
def test_role_prediction_uses_cue_words(sentence, role):
    texts = ["Spinal cord injury is a leading cause of disability.", sentence, "In conclusion, these findings suggest a benefit."]
    assert predict_roles(texts)[1] == role


def test_role_limitation_sentence_is_marked():
    a = article("T", "Spinal cord injury is common. We studied 20 patients. Pain fell by 20%. "
                     "A limitation of this study is the small sample. These findings suggest a benefit.")
    assert "limitations" in [s.role for s in split_article(a)]


def test_split_article_numbers_sentences_in_reading_order_and_keeps_labels():
    sentences = split_article(RCT)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert sentences[0].label == "BACKGROUND" and sentences[-1].role == "conclusions"
    first = sentences[0]
    assert RCT.sections[first.section].text[first.start:first.end] == first.text


def test_split_article_drops_heading_lines_inside_sections():
    texts = [s.text for s in split_article(REVIEW)]
    assert all(len(t.split()) > 1 for t in texts)
    assert split_article(REVIEW) == split_article(REVIEW)  # deterministic


@pytest.mark.parametrize("line", [
    "No author has a financial or proprietary interest in any material or method mentioned.",
    "ClinicalTrials.gov NCT01234567.",
    "This research was supported by a grant from the National Fund.",
])
def test_role_funding_and_registration_lines_are_kept_out_of_the_argument(line):
    texts = ["Pain is common after injury.", "We enrolled 40 patients.", "Pain fell by 20%.", "Training may help.", line]
    roles = predict_roles(texts)
    assert roles[-1] == "other" and roles[-2] == "conclusions"


def test_role_registration_line_inside_a_labelled_section_is_other():
    a = article("T", [("METHODS", "We enrolled 40 adults with spinal cord injury. The trial was registered at ClinicalTrials.gov (NCT01234567)."),
                      ("RESULTS", "Pain fell by 20%.")])
    assert [s.role for s in split_article(a)] == ["methods", "other", "results"]


@pytest.mark.parametrize("sentence", [
    "This study was aimed to explore the factors that predict walking speed.",
    "The aim of this present study was to compare two doses of baclofen.",
    "We examined the association between sleep quality and pain after injury.",
])
def test_role_objective_cues_cover_common_wordings(sentence):
    texts = ["Spasticity is common after spinal cord injury.", sentence, "Forty adults were randomly assigned to two groups.",
             "Pain scores were lower in the treatment group (p < 0.01).", "These findings suggest a benefit."]
    assert predict_roles(texts)[1] == "objective"


def test_role_enrolment_count_reads_as_a_result():
    texts = ["Falls are common after spinal cord injury.", "We aimed to describe falls in wheelchair users.",
             "Wheelchair users were recruited from two clinics and interviewed.", "In the end, 107 people were included in the final analysis.",
             "Falls were reported by 40% of them.", "Fall prevention may deserve more attention."]
    assert predict_roles(texts)[3] == "results"


def test_role_bare_organisation_line_is_a_setting_early_and_metadata_late():
    assert not is_metadata("Spinal Injuries Research Institute, Sydney, Australia.", position=0.2)
    assert is_metadata("Spinal Injuries Research Institute, Sydney, Australia.", position=0.9)
    assert is_metadata("Not applicable.", position=0.9)


def test_role_sentences_about_a_program_are_not_metadata():
    assert not is_metadata("Participants attended a 12-week exercise program.")
    assert not is_metadata("All births registered in Norway between 1999 and 2009 were included.")


def test_role_cues_refuse_upper_case_escapes():
    with pytest.raises(ValueError):
        lower_case_pattern(r"\bresults\S+")


def _middle_role(sentence: str) -> str:
    texts = ["Spasticity is common after spinal cord injury.", "We aimed to compare two doses of baclofen.",
             "Adults were recruited from two clinics and randomly assigned to a low or a high dose.",
             "Spasticity was measured with the Ashworth scale.", sentence,
             "Spasticity fell more with the high dose (p = 0.01).", "The high dose may be preferable."]
    return predict_roles(texts)[4]


@pytest.mark.parametrize("sentence, role", [
    ("Significance level was set at P < 0.05.", "methods"),
    ("Two-sided p-values < 0.05 were considered statistically significant.", "methods"),
    ("A total of 141 patients (77 men; mean age, 64 years) were enrolled in this study.", "results"),
    ("Forty-one patients were randomized and three were lost to follow-up.", "results"),
])
def test_role_statistics_setup_is_a_method_and_the_achieved_count_a_result(sentence, role):
    assert _middle_role(sentence) == role


def test_role_review_yield_reads_as_a_result():
    texts = ["Pressure ulcers are common after spinal cord injury.", "To assess dressings for pressure ulcers.",
             "We searched MEDLINE and Embase.", "Two authors extracted data.", "We included four trials with 300 participants.",
             "Healing did not differ between dressings.", "The evidence is of low certainty."]
    assert predict_roles(texts)[4] == "results"


def test_role_hypothesis_states_the_question():
    texts = ["Exercise improves mood in many groups.", "We hypothesized that arm cycling would reduce depression after spinal cord injury.",
             "Forty adults were randomly assigned to cycling or usual care.", "Depression scores fell by 30% with cycling (p = 0.02).",
             "Arm cycling may help."]
    assert predict_roles(texts)[1] == "objective"


def test_role_late_present_tense_claim_is_a_conclusion():
    texts = ["Awareness of memory loss varies in dementia.", "We aimed to relate awareness to mood.", "We recruited 80 people.",
             "Awareness was measured with a questionnaire.", "Awareness correlated with depressed mood (r = 0.4, p < 0.01).",
             "Quality of life was not related to awareness.", "Depressed mood does not appear to reflect awareness alone.",
             "These results suggest that awareness matters for mood."]
    assert predict_roles(texts)[6] == "conclusions"


def test_role_reported_statistics_are_kept_out_of_the_conclusions():
    texts = ["Falls are common.", "We aimed to count falls.", "We recruited 100 wheelchair users.", "Falls were recorded for a year.",
             "Falls were reported by 40% of users.", "Most falls happened during transfers.",
             "Transfers caused 55% of falls (95% CI 45% to 65%).", "Transfer training may prevent falls."]
    assert predict_roles(texts)[6] == "results"


def test_role_consulting_disclosure_is_metadata():
    assert is_metadata("Dr. Smith received honoraria from Acme for lectures.")
    assert is_metadata("Two authors are consultants to Acme.")


@pytest.mark.parametrize("text", ["This trial was not registered.", "The study was not registered.", "No funding was received.",
                                  "This study received no specific funding.", "This work did not receive any funding."])
def test_unregistered_and_unfunded_statements_are_metadata(text):
    assert is_metadata(text)


@pytest.mark.parametrize("text", ["Patients were not registered in a database.", "Patients received no treatment."])
def test_negated_study_sentences_are_not_metadata(text):
    assert not is_metadata(text)
