import pytest

from sciplain.summarize.abbreviations import expand, find_abbreviations


@pytest.mark.parametrize("text, short, long", [
    ("Spinal cord injury (SCI) is common.", "SCI", "spinal cord injury"),
    ("We measured brain-derived neurotrophic factor (BDNF) in blood.", "BDNF", "brain-derived neurotrophic factor"),
    ("Levels of interleukin-4 (IL-4) rose.", "IL-4", "interleukin-4"),
    ("The Functional Independence Measure (FIM) was used.", "FIM", "Functional Independence Measure"),
    ("Shortest match wins: American Spinal Injury Association Impairment Scale (AIS).", "AIS", "Association Impairment Scale"),
])
def test_abbreviations_found_with_schwartz_hearst(text, short, long):
    assert find_abbreviations(text)[short] == long


@pytest.mark.parametrize("text", ["Rats (n = 12) were used.", "Scores rose (45%).", "It helped (p < 0.05).", "Pain (severe) fell."])
def test_abbreviations_ignore_statistics_and_words_in_parentheses(text):
    assert find_abbreviations(text) == {}


def test_abbreviations_expand_removes_definition_and_expands_later_uses():
    abbr = {"SCI": "spinal cord injury"}
    assert expand("Spinal cord injury (SCI) hurts. SCI patients and SCIs differ from SCI-related ones.", abbr) == \
        "Spinal cord injury hurts. spinal cord injury patients and spinal cord injuries differ from SCI-related ones."


@pytest.mark.parametrize("text, long", [
    ("Alzheimer disease (AD) is common. AD starts late.", "Alzheimer disease"),  # named after a person
    ("Parkinson's disease (PD) is common. PD starts late.", "Parkinson's disease"),
    ("Spinal cord injury (SCI) is common. SCI starts early.", "spinal cord injury"),  # an ordinary word opened the sentence
])
def test_abbreviations_lower_case_a_sentence_opening_long_form_unless_it_is_a_name(text, long):
    assert next(iter(find_abbreviations(text).values())) == long


def test_abbreviations_expand_keeps_short_forms_whose_long_form_is_too_long():
    abbr = {"LPA2": "lysophosphatidic acid receptor 2", "SCI": "spinal cord injury"}
    assert expand("Lysophosphatidic acid receptor 2 (LPA2) rose. LPA2 and SCI.", abbr, max_words=3) == \
        "Lysophosphatidic acid receptor 2 rose. LPA2 and spinal cord injury."


@pytest.mark.parametrize("text, short, long", [
    ("Digital rectal exams (DRE) are routine.", "DRE", "digital rectal exam"),  # one exam per short form
    ("Spinal cord injuries (SCI) are common.", "SCI", "spinal cord injury"),
    ("Adverse events (AEs) were rare.", "AEs", "adverse events"),  # a plural short form stays plural
    ("Reactive oxygen species (ROS) rose.", "ROS", "reactive oxygen species"),
    ("People with multiple sclerosis (MS) took part.", "MS", "multiple sclerosis"),
])
def test_a_singular_short_form_gets_a_singular_long_form(text, short, long):
    assert find_abbreviations(text)[short] == long


@pytest.mark.parametrize("text, expected", [
    ("Flaps opened at an RK incision.", "Flaps opened at a radial keratotomy incision."),
    ("An RK was done.", "A radial keratotomy was done."),
    ("They had an SCI and a one-off test.", "They had a spinal cord injury and a one-off test."),  # other articles as written
    ("A MSC dose was given.", "A mesenchymal stem cell dose was given."),
])
def test_an_article_before_an_expanded_short_form_fits_the_long_form(text, expected):
    abbreviations = {"RK": "radial keratotomy", "SCI": "spinal cord injury", "MSC": "mesenchymal stem cell"}
    assert expand(text, abbreviations) == expected
