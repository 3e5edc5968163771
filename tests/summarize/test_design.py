import pytest

from sciplain.summarize.design import DESIGNS, classify_design, design_kind, species_of
from sciplain.summarize.evidence import DESIGN_LEVEL


@pytest.mark.parametrize("types, expected", [
    (["Journal Article", "Meta-Analysis"], "systematic review with meta-analysis"),
    (["Systematic Review"], "systematic review"),
    (["Randomized Controlled Trial"], "randomized controlled trial"),
    (["Clinical Trial Protocol"], "study protocol"),
    (["Practice Guideline"], "guideline"),
    (["Case Reports"], "case report"),
    (["Controlled Clinical Trial"], "non-randomized controlled trial"),
    (["Review"], "narrative review"),
])
def test_design_publication_types_decide_first(types, expected):
    assert classify_design("A paper", "Some text about patients.", types, []) == expected


@pytest.mark.parametrize("title, text, expected", [
    ("Drug X for pain", "Sixty patients were randomly assigned to drug X or placebo.", "randomized controlled trial"),
    ("Drug X for pain", "We searched MEDLINE and Embase. We included 14 trials. Pooled analysis showed a benefit.", "systematic review with meta-analysis"),
    ("Drug X for pain", "We searched MEDLINE and Embase and included 14 trials involving 900 people.", "systematic review"),
    ("Outcomes after injury", "We conducted a retrospective review of medical records of 200 patients.", "cohort (retrospective)"),
    ("Outcomes after injury", "In this prospective cohort study, 150 patients were followed for 2 years.", "cohort (prospective)"),
    ("Pain in wheelchair users", "A cross-sectional survey of 300 wheelchair users was conducted.", "cross-sectional"),
    ("Living with paralysis", "We held semi-structured interviews with 15 people and used thematic analysis.", "qualitative"),
    ("A rare complication", "We report the case of a 45-year-old woman with paraplegia.", "case report"),
    ("Risk factors for ulcers", "This case-control study compared 80 patients with ulcers with 160 controls.", "case-control"),
    ("Stem cells in rats", "Adult rats received a spinal contusion and were randomly assigned to cells or saline.", "animal study"),
    ("Axon growth", "Cultured cortical neurons were grown in vitro on coated plates.", "in vitro/lab study"),
    ("Cycling after injury", "This trial will randomise 60 adults. Participants will be followed for a year.", "study protocol"),
    ("Advances in repair", "In this review we discuss recent advances in repair strategies.", "narrative review"),
    ("Clinical practice guideline for bladder care", "These recommendations for the management of bladder care were agreed by consensus.", "guideline"),
    ("Pilot of a new program", "In this single-arm pilot study, 12 patients received the program.", "non-randomized controlled trial"),
    ("Pain after injury", "Data on 40 adults with SCI were prospectively collected. Pain fell.", "cohort (prospective)"),
    ("Heart defects in children", "METHODS: A prospective review of all consecutive cases was done.", "cohort (prospective)"),
    # "prospective" of something other than a study
    ("Spin ensembles", "Spin ensembles suit these prospective technologies. We show entanglement at room temperature.", "other"),
])
def test_design_from_text_cues(title, text, expected):
    assert classify_design(title, text, ["Journal Article"], []) == expected


def test_design_mesh_check_tags_mark_animal_studies():
    assert classify_design("Effects of drug X", "Drug X reduced damage.", [], ["Animals", "Mice", "Spinal Cord Injuries"]) == "animal study"


def test_design_animal_wording_in_human_background_does_not_make_an_animal_study():
    text = "In animal experiments, BDNF increases. Forty patients were randomly assigned to training or games."
    assert classify_design("Training in patients", text, [], []) == "randomized controlled trial"


@pytest.mark.parametrize("text, mesh, species", [
    ("Mice were injured. Mice recovered.", [], "mice"),
    ("Sprague-Dawley rats were used.", [], "rats"),
    ("Forty patients took part.", [], "humans"),
    ("Nothing here.", ["Humans"], "humans"),
    ("Nothing here.", ["Animals", "Rats, Wistar"], "rats"),
])
def test_design_species_from_mesh_and_text(text, mesh, species):
    assert species_of(text, mesh) == species


@pytest.mark.parametrize("design, kind", [
    ("randomized controlled trial", "human"), ("case report", "human"), ("animal study", "animal"),
    ("in vitro/lab study", "lab"), ("systematic review", "review"), ("guideline", "review"), ("other", "other"),
])
def test_design_kind_gives_the_site_marker(design, kind):
    assert design_kind(design) == kind


def test_design_vocabulary_has_an_evidence_level_for_every_design():
    assert set(DESIGNS) == set(DESIGN_LEVEL)


@pytest.mark.parametrize("text, counts", [
    ("Twenty two randomized controlled trials were included.", True),
    ("We found 14 eligible studies.", True),
    ("Previous studies have shown benefit.", False),
    ("This trial enrolled 40 people.", False),
])
def test_design_counting_studies_marks_a_review(text, counts):
    from sciplain.summarize.design import counts_studies

    assert counts_studies(text) is counts


@pytest.mark.parametrize("title, text, mesh", [
    ("Protein modifications", ("Recent advances in proteomics allow many sites to be found. Here, we provide an update of these analyses, "
                              "and we discuss recently described roles."), ["Animals", "Humans"]),
    ("Cortical reorganization after injury: always for good?", ("Plasticity underlies recovery. Its extent depends on the species and "
                                                               "the age of the animal. We will briefly discuss these dependencies."), ["Animals"]),
    ("Sleep phenotypes", ("We present evidence that short sleep marks the severe form of insomnia, with a 2-fold risk of hypertension. "
                         "We speculate that it has biological roots."), ["Humans"]),
    ("Hernia in infants", ("Current concepts of care are summarised, from stabilisation to delayed repair; "
                          "infants are followed for years in specialist clinics."), []),
])
def test_design_an_overview_in_its_own_words_is_a_narrative_review(title, text, mesh):
    assert classify_design(title, text, [], mesh) == "narrative review"


def test_design_a_study_that_discusses_its_findings_is_not_a_review():
    text = "We discuss how the enzyme works. We show that mice lacking the enzyme recover less, and we report its structure."
    assert classify_design("An enzyme in repair", text, [], ["Animals", "Mice"]) == "animal study"


def test_an_empty_cochrane_review_is_still_a_systematic_review():
    text = ("Search methods: The Cochrane Register (last searched 5 January 2012) was searched for publications describing "
            "randomised controlled trials. Selection criteria: Randomised controlled trials of distal perfusion. "
            "Main results: There were no randomised controlled trials identified. Registry studies may help.")
    assert classify_design("Distal perfusion during aneurysm surgery", text, [], []) == "systematic review"


def test_methods_told_in_the_future_tense_make_a_protocol():
    text = ("In this study differences will be compared between children who play sports and those who do not. "
            "Questionnaires will be used to measure health. Results will guide professionals.")
    assert classify_design("Health in youth sports", text, ["Journal Article"], []) == "study protocol"
    # one future plan in a finished study is not enough
    done = "We compared 40 children. Walking improved. A larger trial will be conducted next year."
    assert classify_design("Walking in children", done, ["Journal Article"], []) != "study protocol"


def test_we_hereby_report_a_case_is_a_case_report():
    text = "We hereby report a case of total sternal resection and reconstruction with a prosthesis for a tumour."
    assert classify_design("Sternal resection for a tumour", text, ["Journal Article"], []) == "case report"


def test_farm_animals_are_animals_and_a_lab_reagent_is_not():
    assert species_of("Gene variants and expression of HGF in Qinchuan cattle.", []) == "cattle"
    assert species_of("Cells were grown with bovine serum albumin.", []) != "cattle"


def test_work_on_cells_indexed_by_mesh_is_a_lab_study_even_with_animal_mesh():
    text = "A sequence of 22 amino acids present in human but absent from yeast Aha1 is critical for this ability."
    mesh = ["Animals", "HEK293 Cells", "Humans", "Macaca mulatta", "Mice", "Molecular Chaperones"]
    assert classify_design("Aha1 acts as a chaperone", text, ["Journal Article"], mesh) == "in vitro/lab study"


@pytest.mark.parametrize("title, expected", [
    ("Acupuncture and counselling for depression in primary care: a randomised controlled trial", "randomized controlled trial"),
    ("Bladder training after spinal cord injury: protocol for a randomised trial", "study protocol"),
    ("Exercise after spinal cord injury: a systematic review of randomised trials", "systematic review"),
])
def test_a_design_the_title_names_outweighs_other_designs_the_abstract_mentions(title, expected):
    text = ("Background: Systematic reviews of acupuncture and exercise have identified few trials. "
            "We discuss what is known and report 755 patients with depression. Walking improved in 12 weeks.")
    assert classify_design(title, text, [], []) == expected


def test_a_title_that_names_a_review_of_trials_leaves_the_design_to_the_abstract():
    text = "We discuss recent randomized trials of cell therapy and what they mean for care."
    assert classify_design("Randomized trials in spinal cord injury: a review", text, [], []) == "narrative review"


def test_a_trial_the_title_names_in_rats_is_an_animal_study():
    text = "Rats were randomly assigned to treadmill training or rest after contusion. Training improved stepping."
    assert classify_design("Treadmill training after spinal contusion in rats: a randomized trial", text, [], []) == "animal study"


def test_a_method_called_a_protocol_is_no_study_protocol():
    text = ("With this protocol we let a population of individuals evolve under selection. "
            "We show that evolvability itself can evolve.")
    assert classify_design("Evolution of evolvability in networks", text, [], []) != "study protocol"


def test_theoretical_work_that_mentions_in_vivo_is_neither_an_animal_nor_a_lab_study():
    text = ("We present a method that calculates transition propensities in superhelical DNA. The approach could illuminate "
            "where such transitions occur in vivo in mice and in human cells.")
    design = classify_design("Theoretical analysis of the stress induced B-Z transition in superhelical DNA", text, [], [])
    assert design == "other"


def test_cultures_taken_from_counted_patients_are_no_lab_study_without_people():
    text = ("We studied 60 patients with HIV infection and skin lesions. Dermatophytosis was confirmed by culture in 20 "
            "of the 60 patients. Trichophyton rubrum was the agent most often isolated.")
    assert classify_design("Dermatophytosis in people with HIV", text, [], []) != "in vitro/lab study"
    cells = "Human spermatozoa were incubated in culture and the activity of signalling proteins was measured."
    assert classify_design("Signalling proteins in human spermatozoa", cells, [], []) == "in vitro/lab study"


def test_from_a_practical_perspective_does_not_make_a_review():
    text = ("Here we report that lysis occurred when the enzyme was expressed in bacteria at 25 degrees. "
            "From a practical perspective, inhibitors that act downstream could be new treatments.")
    assert classify_design("An unexpected activity of an enzyme", text, [], []) != "narrative review"
    assert classify_design("Spinal cord repair: a perspective", "Recent work on repair is promising.", [], []) == "narrative review"


def test_a_review_that_included_one_trial_says_so():
    text = "We only included one RCT comparing stem cells with placebo in 18 participants. Ulcers healed faster."
    assert classify_design("Stem cells for Buerger's disease", text, [], []) == "systematic review"


def test_patients_who_presented_with_symptoms_make_a_case_series_not_a_review():
    text = ("A curved septum is common in older people. Two patients with a curved septum presented with repeated "
            "fainting after drinking alcohol. In both patients, a tilt test brought on the reflex.")
    assert classify_design("Repeated fainting in two patients with a curved septum", text, [], []) == "case series"


def test_a_study_of_its_own_volunteers_under_a_mechanisms_title_is_not_a_review():
    text = ("Weight gain is linked to liver fat. We combined imaging and tracer techniques to test how weight gain "
            "raises liver fat in 27 obese people. Weight gain appeared to raise liver fat content.")
    assert classify_design("Mechanisms of weight gain-induced liver fat in people with obesity", text, [], []) != "narrative review"


def test_a_study_of_its_own_patients_indexed_as_a_review_is_the_study_it_reports():
    text = ("Drug-induced liver injury is common. We retrospectively collected and analyzed the data of all hospitalized "
            "patients whose discharge diagnosis was liver injury between 2011 and 2014. Among the 469 patients, 361 met the criteria.")
    assert classify_design("Causes of drug-induced liver injury in a hospital", text, ["Journal Article", "Review"], []) == (
        "cohort (retrospective)")


def test_a_review_that_describes_a_programme_stays_a_review():
    text = "Heart disease is the leading cause of death. We describe our experience from western Kenya, where a care model was built."
    assert classify_design("A model of care in western Kenya", text, ["Journal Article", "Review"], []) == "narrative review"
