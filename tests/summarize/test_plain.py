import pytest

from sciplain.summarize.clauses import split_long
from sciplain.summarize.plain import plain_words, rewrite, strip_statistics
from sciplain.summarize.terms import apply_glossary
from sciplain.summarize.textutil import has_negation, numbers_in


@pytest.mark.parametrize("text, expected", [
    ("Pain fell (p < 0.05).", "Pain fell."),
    ("Pain fell (RR 0.73, 95% CI 0.65 to 0.81; N = 3008) in children.", "Pain fell in children."),
    ("Risk rose, p = .03, in men.", "Risk rose, in men."),
    ("Walking improved (95% confidence interval 1.2–3.4).", "Walking improved."),
    ("Survival rose (OR = 2.1).", "Survival rose."),
    ("Scores were higher [mean 3.1 ± 0.4].", "Scores were higher."),
    ("Pain fell in 12 patients (the treated group).", "Pain fell in 12 patients (the treated group)."),
])
def test_plain_strip_statistics_removes_stats_but_not_plain_parentheses(text, expected):
    assert strip_statistics(text) == expected


@pytest.mark.parametrize("text", [
    "Balance did not improve after 8 weeks of training (p = 0.41).",
    "There was no difference in pain between 20 and 25 patients.",
    "Treatment may reduce spasticity in 14 of 21 participants.",
])
def test_plain_rewrite_keeps_numbers_negations_and_hedges(text):
    out = rewrite(text, abbreviations={}, resources=None)
    assert has_negation(out) == has_negation(text)
    assert numbers_in(out) <= numbers_in(text)
    assert ("may" in out) == ("may" in text)


def test_plain_rewrite_expands_abbreviations_and_uses_plainer_words():
    out = rewrite("SCI patients utilized the device and demonstrated improvement.", abbreviations={"SCI": "spinal cord injury"},
                  resources=None)
    assert out == "Spinal cord injury patients used the device and showed improvement."


def test_plain_split_long_sentence_at_clause_boundaries():
    text = ("Walking speed improved in the training group over the eight weeks of the study; "
            "balance scores did not change in either of the two groups at any time.")
    assert split_long(text) == ("Walking speed improved in the training group over the eight weeks of the study. "
                                "Balance scores did not change in either of the two groups at any time.")


def test_plain_glossary_swaps_short_plain_forms_only(standin_resources):
    assert apply_glossary("A contusion of the cord.", standin_resources) == "A bruising injury of the cord."
    assert apply_glossary("Tetraplegia is common.", standin_resources) == "Tetraplegia is common."
    assert apply_glossary("Intermittent catheterization helps.", standin_resources) == "Intermittent catheterization helps."


@pytest.fixture
def number_glossary():
    from sciplain.summarize.resources import Resources

    return Resources.build(glossary=[
        {"term": "neuron", "plain": "nerve cell", "definition": "d", "aliases": ["neurons", "neuronal"]},
        {"term": "axon", "plain": "nerve fiber", "definition": "d", "aliases": ["axons"]},
        {"term": "pressure injury", "plain": "pressure sore", "definition": "d", "aliases": ["pressure ulcer", "pressure ulcers"]},
        {"term": "clinician", "plain": "health care provider", "definition": "d", "aliases": ["clinicians"]},
        {"term": "antibody", "plain": "immune protein", "definition": "d", "aliases": ["antibodies"]},
        {"term": "Nogo-A", "plain": "growth-blocking protein", "definition": "d", "aliases": []},
        {"term": "follow-up", "plain": "check-up", "definition": "d", "aliases": ["follow-ups"]},
        {"term": "respiratory muscles", "plain": "breathing muscles", "definition": "d", "aliases": ["respiratory muscle"]},
        {"term": "signaling pathway", "plain": "chain of signals", "definition": "d", "aliases": ["signaling pathways"]},
        {"term": "sacral", "plain": "lower-spine", "definition": "d", "aliases": ["sacral segments"]},
        {"term": "magnetic resonance imaging", "plain": "MRI scan", "definition": "d", "aliases": ["MRI"]},
    ], categories=[])


@pytest.mark.parametrize("text, expected", [
    ("Many surviving neurons were seen.", "Many surviving nerve cells were seen."),
    ("There were fewer regenerating axons.", "There were fewer regenerating nerve fibers."),
    ("Pressure ulcers healed.", "Pressure sores healed."),
    ("Clinicians should consider it.", "Health care providers should consider it."),
    ("One neuron died.", "One nerve cell died."),
    ("Weak respiratory muscle.", "Weak breathing muscle."),  # a plural plain form follows a singular term too
    ("Signaling pathways were active.", "Chains of signals were active."),  # the head noun, not the last word
    ("The sacral segments.", "The lower-spine."),  # no plural of a form: nothing to inflect
])
def test_plain_glossary_keeps_the_number_of_the_term(number_glossary, text, expected):
    assert apply_glossary(text, number_glossary) == expected


def test_plain_glossary_leaves_follow_up_alone(number_glossary):
    assert apply_glossary("Pain fell during follow-up. Two follow-ups were missed.", number_glossary) == \
        "Pain fell during follow-up. Two follow-ups were missed."


@pytest.mark.parametrize("text, expected", [
    ("Mice given Nogo-A antibodies recovered.", "Mice given growth-blocking protein immune proteins recovered."),
    ("After injury, Nogo-A rose. Neurons died.", "After injury, growth-blocking protein rose. Nerve cells died."),
    ("Neurons died.", "Nerve cells died."),
])
def test_plain_glossary_capitalises_by_sentence_position(number_glossary, text, expected):
    assert apply_glossary(text, number_glossary) == expected


@pytest.mark.parametrize("text, expected", [
    ("They cut an axon.", "They cut a nerve fiber."),
    ("An antibody was given.", "An immune protein was given."),
    ("An MRI showed it.", "An MRI scan showed it."),
    ("MRI scans showed it.", "MRI scans showed it."),  # not "MRI scan scans"
])
def test_plain_glossary_fits_the_article_and_avoids_echoes(number_glossary, text, expected):
    assert apply_glossary(text, number_glossary) == expected


def test_plain_rewrite_keeps_the_plural_of_a_glossary_term(number_glossary):
    out = rewrite("Clinicians counted surviving neurons at follow-up.", abbreviations={}, resources=number_glossary)
    assert out == "Health care providers counted surviving nerve cells at follow-up."


@pytest.mark.parametrize("text, expected", [
    ("In this study, walking speed improved in the trained group.", "Walking speed improved in the trained group."),
    ("Moreover, balance scores were higher in the trained group.", "Balance scores were higher in the trained group."),
    ("Here, pain scores fell in most of the trained people.", "Pain scores fell in most of the trained people."),
    # a sentence does not start with a number
    ("In our study, 24 of 39 people walked without help.", "In our study, 24 of 39 people walked without help."),
    # the study named at length goes too
    ("In this large national cohort study of adults, high pain was linked to poor sleep.", "High pain was linked to poor sleep."),
])
def test_plain_rewrite_drops_context_openers(text, expected):
    assert rewrite(text, abbreviations={}, resources=None) == expected


def test_plain_rewrite_keeps_short_forms_of_long_abbreviations_only_when_asked():
    abbr = {"LPA2": "lysophosphatidic acid receptor 2", "SCI": "spinal cord injury"}
    text = "LPA2 rose after SCI."
    assert rewrite(text, abbreviations=abbr, resources=None) == "Lysophosphatidic acid receptor 2 rose after spinal cord injury."
    assert rewrite(text, abbreviations=abbr, resources=None, long_forms=False) == "LPA2 rose after spinal cord injury."


@pytest.mark.parametrize(("text", "expected"), [
    ("Previously, pain was high after the injury.", "Before, pain was high after the injury."),
    ("This was not known previously.", "This was not known before."),
    # before a participle "before" cannot stand: "was before seen", "patients before treated"
    ("Pain was previously seen in these rats.", "Pain was previously seen in these rats."),
    ("Patients previously treated with opioids did better.", "Patients previously treated with opioids did better."),
    ("Pain was higher than previously thought.", "Pain was higher than previously thought."),
])
def test_previously_is_before_only_where_before_can_stand(text, expected):
    assert plain_words(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("COSTS: Gauze is cheap but takes more nursing time than foam.", "Gauze is cheap but takes more nursing time than foam."),
    ("LENGTH OF HOSPITAL STAY: Four trials showed no difference.", "Four trials showed no difference."),
    # a sentence that opens with an abbreviation keeps it
    ("HIV: a virus that weakens the immune system.", "HIV: a virus that weakens the immune system."),
])
def test_a_sub_heading_inside_a_section_is_not_part_of_its_sentence(text, expected):
    assert rewrite(text, abbreviations={}, resources=None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The process is accompanied by the release of energy.", "The process comes with the release of energy."),
    ("The rise was accompanied by a drop in pain.", "The rise came with a drop in pain."),
    ("Pain, accompanied by fever, rose after surgery.", "Pain, with fever, rose after surgery."),
])
def test_accompanied_by_keeps_a_verb_when_it_is_the_verb(text, expected):
    assert plain_words(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # two bracketed results "respectively" leave an "and" with nothing after it
    (("Bleeding was less common in women who received the drug (RR 0.52, 95% CI 0.42 to 0.63) and (RR 0.40, 95% CI "
      "0.23 to 0.71), respectively."),
     "Bleeding was less common in women who received the drug, respectively."),
    # MEDLINE's placeholder for a formula goes, and so does the phrase it completed
    (("A moderate link exists between MRI and CT values for all subjects, with a slope of [Formula: see text], "
      "indicating that fat rises as density falls."),
     "A moderate link exists between MRI and CT values for all subjects, indicating that fat rises as density falls."),
    # nothing was removed: a sentence that ends in "to" is left alone
    ("The researchers asked which drugs the patients were exposed to.", "The researchers asked which drugs the patients were exposed to."),
])
def test_what_a_removed_statistic_leaves_open_goes_with_it(text, expected):
    assert strip_statistics(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The effects of concomitant atrial fibrillation surgery were small.", "The effects of combined atrial fibrillation surgery were small."),
    ("Patients took concomitant medications.", "Patients took other medicines."),
    ("Pain fell, concomitant with a rise in sleep.", "Pain fell, along with a rise in sleep."),
    ("The drugs were given concomitantly.", "The drugs were given at the same time."),
])
def test_concomitant_as_an_adjective_is_no_at_the_same_time(text, expected):
    assert plain_words(text) == expected


def test_a_percentage_glued_to_its_noun_gets_its_space():
    assert rewrite("In 2012, 7.2%minors were seen by a mental health service.", abbreviations={}, resources=None) == (
        "In 2012, 7.2% minors were seen by a mental health service.")
