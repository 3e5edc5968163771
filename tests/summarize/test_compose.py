import re

import pytest

from sciplain.summarize import summarize
from sciplain.summarize.question import states_something
from sciplain.summarize.steps.sentences import split_article

from .abstracts import ALL, ANIMAL, LAB, PROTOCOL, RCT, REVIEW, article


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
    # "To evaluate whether …" is a question; the population it ends with is the next sentence's
    assert simple.startswith("The researchers asked whether treadmill training improves walking speed. The study included")
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


@pytest.mark.parametrize("title, source, expected", [
    ("Interplay between BRCA1 and RHAMM Regulates Epithelial Polarization", "BRCA1 regulates epithelial cells.",
     "Interplay between BRCA1 and RHAMM regulates epithelial polarization"),
    # a word the abstract capitalises mid-sentence is a name; so is a place or an institution
    ("Telomeres of Oxytricha in the Wild", "We studied telomeres in Oxytricha cells.", "Telomeres of Oxytricha in the wild"),
    ("Trauma Care at Indio Mountains Research Station", "Trauma care was studied.", "Trauma care at Indio Mountains Research Station"),
    ("Weight Gain-Induced Steatosis in People With Obesity", "Weight gain was studied.", "Weight gain-induced steatosis in people with obesity"),
    ("Ligand-Based Discovery of a New Scaffold for the Opioid Receptor", "A scaffold was found.",
     "Ligand-based discovery of a new scaffold for the opioid receptor"),
    # already in sentence case
    ("Insulin resistance in people with spinal cord injury in Canada", "Insulin was measured.",
     "Insulin resistance in people with spinal cord injury in Canada"),
])
def test_title_question_is_in_sentence_case(title, source, expected):
    from sciplain.summarize.question import sentence_case

    assert sentence_case(title, source) == expected


def test_simple_explanation_of_a_title_case_title_reads_as_a_sentence(offline):
    a = article("Functional Electrical Stimulation Cycling After Acute Spinal Cord Injury",
                [("METHODS", "Adults will cycle with functional electrical stimulation after spinal cord injury."),
                 ("RESULTS", "Recruitment will start in 2025 at two spinal cord injury centres.")])
    simple = offline.analyse(a).summary.simple_explanation
    assert simple.startswith("This study is about functional electrical stimulation cycling after acute spinal cord injury.")


@pytest.mark.parametrize("question, expected", [
    ("The researchers asked whether training improves walking speed in adults with chronic spinal cord injury",
     "The researchers asked whether training improves walking speed"),
    # a number goes with the population, or too little would be left: it stays
    ("The researchers asked whether training improves walking speed in 40 adults with spinal cord injury",
     "The researchers asked whether training improves walking speed in 40 adults with spinal cord injury"),
    ("The researchers asked whether training helps in adults", "The researchers asked whether training helps in adults"),
])
def test_question_leaves_the_population_to_the_sentence_on_who_took_part(question, expected):
    from sciplain.summarize.question import without_population

    assert without_population(question) == expected


@pytest.mark.parametrize("aim, expected", [
    ("determine whether early surgery improves recovery", "The researchers asked whether early surgery improves recovery"),
    ("evaluate if treadmill training helps", "The researchers asked if treadmill training helps"),
    ("describe the costs of care", ""),
])
def test_aim_that_asks_a_question_is_put_as_one(aim, expected):
    from sciplain.summarize.question import plain_aim

    assert plain_aim(aim) == expected


@pytest.mark.parametrize("title, opening", [
    ("Calorimetric study of copper binding in the prion protein", "This study is about copper binding in the prion protein."),
    ("A genetic analysis of bladder function after spinal cord injury", "This study is about bladder function after spinal cord injury."),
])
def test_a_title_that_names_its_method_first_gives_its_topic(offline, title, opening):
    a = article(title, [("RESULTS", "Copper binding rose at low loading."), ("CONCLUSIONS", "Copper binding matters.")])
    assert offline.analyse(a).summary.simple_explanation.startswith(opening)


def test_a_long_title_tells_patients_what_was_studied_and_clinicians_also_how(offline):
    a = article("Posterior chamber phakic intraocular lens sizing based on iris pigment layer measurements by anterior "
                "segment optical coherence tomography",
                [("RESULTS", "Lens vault was within the safe range in 30 of 32 eyes."), ("CONCLUSIONS", "The sizing method works.")])
    summary = offline.analyse(a).summary
    assert summary.simple_explanation.startswith("This study is about posterior chamber phakic intraocular lens sizing.")
    assert "based on iris pigment layer measurements" in summary.research_summary


def test_a_translated_title_in_square_brackets_still_says_what_was_studied(offline):
    a = article("[Cancer deaths in a cohort of chromium plating workers].",
                [("", "We followed 300 workers for 20 years. Lung cancer deaths were higher than expected.")])
    assert offline.analyse(a).summary.simple_explanation.startswith("This study is about cancer deaths in a cohort of chromium plating workers.")


@pytest.mark.parametrize("title, statement", [
    ("The quorum signal balances life and death in bacterial groups", True),
    ("Delayed response and biosonar perception explain movement coordination in bats", True),
    ("Fluid balances in intensive care patients after spinal cord injury", False),
    ("Nerve links after spinal cord injury", False),
])
def test_a_title_that_is_a_sentence_is_reported_as_one(title, statement):
    assert states_something(title) is statement


def test_a_verb_joined_to_the_papers_verb_agrees_with_this_paper(offline):
    a = article("Three-way networks", [("", ("We present and develop the theory of three-way networks. "
                                            "The networks found 40 links that two-way models missed."))])
    assert offline.analyse(a).summary.simple_explanation.startswith("This paper presents and develops the theory")


def test_what_it_means_keeps_the_capital_of_a_name(offline):
    a = article("Lifespan with treatment", [
        ("RESULTS", "Lifespan rose by 15% in 3,000 adults in South Africa who started treatment early."),
        ("CONCLUSIONS", "South African adults can live a near-normal lifespan if they start treatment early.")])
    assert "What it means: South African adults" in offline.analyse(a).summary.simple_explanation


@pytest.mark.parametrize("sentence, who", [
    ("Wild-type mice and knockout mice were infected with the virus.", "The study used normal mice and gene-altered mice."),
    ("Swiss, Balb/cJ and knockout mice were infected with the virus.", "The study used Swiss, Balb/cJ and gene-altered mice."),
])
def test_who_was_studied_reads_as_mid_sentence_words_but_keeps_names(sentence, who):
    """With the real glossary: "wild-type" becomes "normal", which must not keep the capital of a sentence start."""
    a = article("Virus in mice", [("", sentence + " Knockout mice lost more weight than the others.")])
    assert who in summarize(a).simple_explanation


def test_an_aim_that_only_points_back_is_not_the_question(offline):
    a = article("Peptide surface display", [("", ("A role has been suggested for the fiber surface. To investigate this, a protein "
                                                 "scaffold that presents a surface for amyloid subdomains up to eight residues long "
                                                 "has been designed. The designs reduced rates of self-assembly in solution."))])
    simple = offline.analyse(a).summary.simple_explanation
    assert "investigate this" not in simple and "study this" not in simple
    assert simple.startswith("This study is about peptide surface display.")


def test_a_note_that_findings_are_unchanged_since_the_last_update_is_not_what_they_mean():
    a = article("Levetiracetam add-on for focal epilepsy", [
        ("RESULTS", "We included 14 trials with 2455 people. Seizures halved in 40% of people on levetiracetam."),
        ("CONCLUSIONS", ("These findings are unchanged from the previous review update in 2012. "
                        "It seems reasonable to keep using levetiracetam in adults."))])
    simple = summarize(a).simple_explanation
    assert "unchanged from the previous" not in simple and "What it means: it seems reasonable" in simple


def test_a_journal_section_label_before_the_title_is_not_what_was_studied(offline):
    a = article("Introduction: Management of endometriosis: moving toward a patient-centered approach",
                [("", "Endometriosis is common. Care should treat symptoms rather than lesions.")])
    assert offline.analyse(a).summary.simple_explanation.startswith("This study is about management of endometriosis.")


def test_what_it_means_starts_in_lower_case_though_the_title_capitalises_the_word(offline):
    a = article("Treatment Burden in Stroke: A Review of Patient Experience",
                [("RESULTS", "Health care was fragmented for many patients."),
                 ("CONCLUSIONS", "Stroke management is very demanding for patients.")])
    assert "What it means: stroke management" in offline.analyse(a).summary.simple_explanation
