"""Where a long sentence may be cut, and what an aside takes with it: each cut leaves sentences that stand alone."""

import pytest

from sciplain.summarize.clauses import drop_asides, has_verb, split_long
from sciplain.summarize.plain import plain_words, strip_statistics
from sciplain.summarize.resources import default_resources
from sciplain.summarize.steps.compose import without_lead_in
from sciplain.summarize.steps.findings import (
    ANAPHORIC,
    DESCRIPTIVE,
    EFFECT,
    is_descriptive,
    reports_a_method,
    shorten,
    states_an_effect,
)
from sciplain.summarize.terms import apply_glossary

from .abstracts import article


@pytest.mark.parametrize("text", [
    "The data provide basic insight into polarization",
    "BRCA1 plays a central role",
    "Mutations alter the genome",
])
def test_a_clause_in_the_present_tense_has_a_verb(text):
    assert has_verb(text)


@pytest.mark.parametrize("text", ["an orchestrated change in the gene activity pattern", "the need for better care"])
def test_a_noun_phrase_has_no_verb(text):
    assert not has_verb(text)


def test_a_sentence_stated_in_the_present_tense_is_cut_before_its_which_clause():
    assert split_long("The data provide basic insight into polarization through BRCA1 function, which may explain "
                      "the expanded cell subsets in tumours.") == (
        "The data provide basic insight into polarization through BRCA1 function. This may explain the expanded cell "
        "subsets in tumours.")


def test_an_aside_takes_its_closing_comma_when_a_present_tense_verb_follows():
    assert drop_asides("Mutations, such as gene duplications and deletions, alter the genome.") == "Mutations alter the genome."


def test_what_follows_an_adverbial_phrase_is_the_object_and_no_closing_appositive():
    text = "This also provides, for the first time, an experimentally practical approach to showing a bulk fermion."
    assert drop_asides(text) == text


@pytest.mark.parametrize("text, expected", [
    # no subject after "; and": the verb phrase belongs to the clause before it
    (("Follow-up led by nurses may make little or no difference to quality of life at 12 months; and probably makes "
      "little or no difference to anxiety at 12 months."),
     ("Follow-up led by nurses may make little or no difference to quality of life at 12 months; and probably makes "
      "little or no difference to anxiety at 12 months.")),
    # a subject of its own: two sentences
    (("Five studies measured the sensitivity of devices but did not measure deaths; and two studies checked risk "
      "factors but not treatments."),
     ("Five studies measured the sensitivity of devices but did not measure deaths. And two studies checked risk "
      "factors but not treatments.")),
    # the items of a list, one opening with an adjective in "-ed"
    (("The training group increased its intake of fruits and vegetables; estimated intake of potassium; and urine "
      "potassium excretion."),
     ("The training group increased its intake of fruits and vegetables; estimated intake of potassium; and urine "
      "potassium excretion.")),
    # a phrase that opens with a preposition and has no verb goes on the sentence before it
    (("The recommendations to limit the risk of transmission include farm registration and access to credit for "
      "farms; for village poultry, better quarantine of sick birds."),
     ("The recommendations to limit the risk of transmission include farm registration and access to credit for "
      "farms; for village poultry, better quarantine of sick birds.")),
])
def test_a_semicolon_becomes_a_full_stop_only_before_a_sentence(text, expected):
    assert split_long(text) == expected


@pytest.mark.parametrize("text", ["The review contains 11 comparisons in total.",
                                  "In total, our updated review includes 11 trials (with 753 participants)."])
def test_how_many_comparisons_a_review_holds_is_no_finding(text):
    assert DESCRIPTIVE.search(text)


@pytest.mark.parametrize("text, expected", [
    (("A drop in pH leads to the protonation of negatively charged residues, increasing the affinity of the peptide "
      "for the membrane and triggering its folding."),
     ("A drop in pH leads to the protonation of negatively charged residues. This increases the affinity of the "
      "peptide for the membrane and triggers its folding.")),
    ("Creatinine levels rose by half in nine patients of the ibuprofen group, leading to an acute kidney injury.",
     "Creatinine levels rose by half in nine patients of the ibuprofen group. This led to an acute kidney injury."),
    # the hedge carries over to the new sentence
    ("The support system may be used to improve screening by dental hygienists, leading to improved patient care.",
     "The support system may be used to improve screening by dental hygienists. This may lead to improved patient care."),
])
def test_an_effect_stated_as_a_participle_becomes_a_sentence_in_the_tense_of_its_cause(text, expected):
    assert split_long(text, max_words=12) == expected


@pytest.mark.parametrize("text", [
    # a list of actions, a noun after "of", and a modal whose force the effect does not share
    ("The benefit of such treatments in decreasing transmission of HIV, increasing overall survival and increasing "
     "HIV-free survival was unclear."),
    "Vitamin D appears to have no effect on the recurrence of relapse, worsening of disability, and MRI lesions.",
    ("The findings should be considered with caution because of weaknesses in the trials, leading to weak evidence "
     "overall."),
])
def test_a_participle_that_is_no_effect_of_the_clause_before_it_stays(text):
    assert split_long(text, max_words=12) == text


@pytest.mark.parametrize(("text", "expected"), [
    (("Recovery of corneal sensitivity was reached by 6 months after surgery and was higher than after LASIK for the "
      "first months."),
     ("Recovery of corneal sensitivity was reached by 6 months after surgery. It was also higher than after LASIK for "
      "the first months.")),
    # the number from the subject's head noun when the verbs do not show it; "also" before a main verb
    ("Mothers randomised to care at home spent about 10 fewer days as inpatients and had fewer visits to the clinic.",
     "Mothers randomised to care at home spent about 10 fewer days as inpatients. They also had fewer visits to the clinic."),
    # "but" and a negation take no "also"
    ("Only one trial reported health-related quality of life, but did not show a clear difference between groups.",
     "Only one trial reported health-related quality of life. But it did not show a clear difference between groups."),
    ("One trial compared a family programme to a school programme and did not detect a difference between the two.",
     "One trial compared a family programme to a school programme. It did not detect a difference between the two."),
    # a hedge stays with its verb; a comparison of two values is no second, like result
    ("Serum BDNF levels may serve as a sign of the effects of training and may provide a tool for checking treatments.",
     "Serum BDNF levels may serve as a sign of the effects of training. They may also provide a tool for checking treatments."),
    ("Two of the studies focused on adolescents with scoliosis and found that bracing slowed the curve.",
     "Two of the studies focused on adolescents with scoliosis. They also found that bracing slowed the curve."),
    ("The complication rate was 39% in the stent group of the trial and was 46% in the surgery group.",
     "The complication rate was 39% in the stent group of the trial. It was 46% in the surgery group."),
    # "when compared with" has no subject of its own to take the second verb
    (("The mutant opsins had variable degrees of regrowth when compared with normal opsin but showed no misfolding "
      "in the cell."),
     ("The mutant opsins had variable degrees of regrowth when compared with normal opsin. But they showed no "
      "misfolding in the cell.")),
])
def test_a_second_verb_phrase_of_a_long_sentence_becomes_a_sentence_with_a_pronoun(text, expected):
    assert split_long(text, max_words=12) == expected


@pytest.mark.parametrize("text", [
    # the second verb belongs to a relative clause, or to the infinitive the first verb governs
    "Patients who received the drug for two weeks and were older than 60 had more falls than the others.",
    "Brief psychoeducation of any form appears to reduce relapse in the medium term and help medicine compliance.",
    # after "and", an "-ed" word may be the next object's adjective
    "The treated mice showed increased axon growth in the lesion and reduced scar tissue around the injury site.",
    # a subject no pronoun can take up
    "There was no difference in pain between the two groups of patients and was no change in their sleep at all.",
    "None of the patients in the placebo group had a fall in pain and had any change in their sleep at all.",
    # too short to be worth two sentences
    "Pain fell and was lower at one year in the group that trained at home every day.",
])
def test_a_verb_phrase_that_shares_no_subject_or_is_short_stays_in_its_sentence(text):
    assert split_long(text, max_words=12) == text


def test_what_it_means_starts_in_lower_case_though_the_source_capitalises_the_after_a_colon(offline):
    a = article("T", [("RESULTS", "Main results: The walking speed improved by 0.12 m/s in the training group. Pain scores fell."),
                      ("CONCLUSIONS", "The new training improves walking in adults with spinal cord injury.")])
    assert "What it means: the new training improves walking" in offline.analyse(a).summary.simple_explanation


@pytest.mark.parametrize("text", [
    "Three trials with a total of 287 people operated on for an aneurysm were included.",
    "Since publication of the original version of this review, no new studies were found and the conclusions remain unchanged.",
    "Another search in November 2014 found more recent studies that will be included in an update of this review.",
])
def test_what_a_review_included_and_its_update_bookkeeping_are_no_findings(text):
    assert DESCRIPTIVE.search(text)


def test_a_stated_limitation_reads_like_the_findings(offline):
    a = article("T", [("RESULTS", "Walking speed improved by 0.12 m/s in the training group. Pain scores fell in the training group."),
                      ("LIMITATIONS", ("We judged the evidence to be of low certainty. There is low-certainty evidence of no clear "
                                      "difference in falls between the groups: HR 0.58."))])
    texts = [lim.text for lim in offline.analyse(a).summary.limitations if lim.origin == "stated"]
    assert texts == ["The researchers judged the evidence to be of low certainty.",
                     "There is weak evidence of no clear difference in falls between the groups."]


@pytest.mark.parametrize("text", [
    "Stabilized mixes were designed containing sand from the river and binder of different shares of cement.",
    "Exercise plans were also analyzed in terms of their length.",
    "We combined imaging and tracer techniques to test how weight gain raises liver fat in 27 obese people.",
])
def test_what_was_done_is_a_method_though_it_says_different_or_also(text):
    assert reports_a_method(text)


def test_a_difference_between_groups_is_a_result():
    assert not reports_a_method("Pain scores measured at one year were different between the groups.")


@pytest.mark.parametrize("text", ["The aim of the research was to analyze the link between two methods.",
                                  "Eighteen studies satisfied the entry rules, representing 2891 patients."])
def test_an_aim_and_a_count_of_eligible_studies_are_no_findings(text):
    assert DESCRIPTIVE.search(text)


def test_a_plain_term_that_starts_a_sentence_starts_with_a_capital():
    out = apply_glossary("Some proteins might play a role. qPCR results confirmed the high expression.", default_resources())
    assert ". qPCR" not in out and out.split(". ", 1)[1][:1].isupper()


@pytest.mark.parametrize("text", ["The previously observed declines in new menu items were maintained.",
                                  "We tested a prospectively implemented clinical algorithm.",
                                  "The guidewire was caught by the previously implanted stent.",
                                  "Heart output rose during purkinje potential pacing."])
def test_an_adjective_s_adverb_and_a_named_potential_keep_their_words(text):
    assert plain_words(text) == text


def test_a_tertiary_care_hospital_is_a_specialist_hospital_once():
    out = apply_glossary("Patients in a tertiary care hospital were studied.", default_resources())
    assert out == "Patients in a specialist hospital were studied."


@pytest.mark.parametrize("text", ["This did not translate into links with pregnancy rates.", "It also improved social functioning.",
                                  "This could be due to low power or a short follow-up.",
                                  "These agents were linked to a higher risk of serious side effects."])
def test_a_sentence_that_leans_on_the_one_before_for_its_subject_is_anaphoric(text):
    assert ANAPHORIC.match(text)


@pytest.mark.parametrize("text", ["It is uncertain whether dressings reduce infection.", "It appears that training helps.",
                                  "It is difficult to measure flavonoid intake.",
                                  "This study shows that training helps.", "These results suggest a benefit."])
def test_an_impersonal_it_and_a_named_referent_are_not_anaphoric(text):
    assert not ANAPHORIC.match(text)


def test_what_it_means_is_not_a_sentence_that_leans_on_the_one_before(offline):
    a = article("T", [("RESULTS", "Poultry intake was linked to higher fertilization rates. Walking speed rose by 0.12 m/s."),
                      ("CONCLUSIONS", "This did not translate into links with pregnancy rates.")])
    assert "What it means: this did not" not in offline.analyse(a).summary.simple_explanation


def test_in_sum_is_a_lead_in_like_in_summary():
    assert without_lead_in("In sum, the study shows new features of protease activation.") == (
        "the study shows new features of protease activation.")


@pytest.mark.parametrize("text, expected", [
    ("Tpa1 is a member of the dioxygenase family of enzymes, and the researchers show that its mutation abolishes repair.",
     "Tpa1 is a member of the dioxygenase family of enzymes. And the researchers show that its mutation abolishes repair."),
    # no subject of its own: the shared one comes back as a pronoun; and a plural noun that looks like a verb
    ("Three trials measured the size of the deviation in children, but did not provide enough data for analysis.",
     "Three trials measured the size of the deviation in children. But they did not provide enough data for analysis."),
    ("Weight gain raised liver fat by an imbalance of fatty acids, and poor increases in fat export via lipoproteins.",
     "Weight gain raised liver fat by an imbalance of fatty acids, and poor increases in fat export via lipoproteins."),
])
def test_a_conjunction_starts_a_sentence_before_a_present_tense_clause_only(text, expected):
    assert split_long(text, max_words=12) == expected


def test_a_statistic_whose_name_is_bracketed_inside_its_bracket_goes_whole():
    text = ("LMWH may reduce mortality compared to UFH (risk ratio (RR) 0.66, 95% confidence interval (CI) 0.40 to 1.10; "
            "risk difference (RD) 57 fewer per 1000, 95% CI 101 fewer to 17 more; low certainty evidence) and may reduce "
            "recurrence.")
    assert strip_statistics(text) == "LMWH may reduce mortality compared to UFH and may reduce recurrence."


def test_most_of_the_trials():
    assert plain_words("The majority of the trials were small. The majority of patients recovered.") == (
        "Most of the trials were small. Most patients recovered.")


def test_a_count_of_citations_found_is_no_finding():
    assert DESCRIPTIVE.search("Of 11,484 found citations, 3073 were unique citations and 15 trials fulfilled the entry rules.")


def test_how_current_a_review_is_is_not_what_it_means(offline):
    a = article("T", [("RESULTS", "Soap and water performed poorly in the prevention of skin damage. Pain scores fell by 0.12 points."),
                      ("CONCLUSIONS", "The evidence in this review is current up to 28 September 2016.")])
    assert "What it means" not in offline.analyse(a).summary.simple_explanation


def test_the_simple_explanation_tells_what_was_found_before_how_good_the_studies_were(offline):
    a = article("T", [("RESULTS", ("All three trials were at high risk of bias. There was no clear difference in quality of life "
                                  "between the two groups. Pain was lower in 12 of 20 people after the treatment."))],
                publication_types=["Systematic Review"])
    simple = offline.analyse(a).summary.simple_explanation
    assert "risk of bias" not in simple.split("What it means")[0].split("found.", 1)[-1]


@pytest.mark.parametrize("text", ["We searched MEDLINE and Embase.", "WE INCLUDED 12 TRIALS.", "Pain IMPROVED after training.",
                                  "Pain fell by 2 µg.", "Nothing here."])
def test_the_fast_cue_tests_agree_with_the_patterns_whatever_the_case(text):
    assert is_descriptive(text) == bool(DESCRIPTIVE.search(text))
    assert states_an_effect(text) == bool(EFFECT.search(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Unfortunately, the patient died from heart failure on her 23rd day in hospital.",
     "The patient died from heart failure on her 23rd day in hospital."),
    ("Contrary to the general assumption, the drug lowered pain in most of the treated rats.",
     "The drug lowered pain in most of the treated rats."),
    ("In this case report, the researchers describe a brace made for a growing girl with scoliosis.",
     "The researchers describe a brace made for a growing girl with scoliosis."),
])
def test_a_finding_stands_without_the_authors_comment_on_it(text, expected):
    assert split_long(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Supporting rodent models, puberty may be a sensitive period for the effects of trauma.",
     "Puberty may be a sensitive period for the effects of trauma."),
    ("In line with earlier trials, walking speed rose in the training group.", "Walking speed rose in the training group."),
    # a comparison that carries a negation is what was found, and stays
    ("Unlike the controls, treated rats did not lose weight after the injury.",
     "Unlike the controls, treated rats did not lose weight after the injury."),
])
def test_a_finding_loses_a_lead_in_that_only_places_it_among_other_work(text, expected):
    assert shorten(text, findings=True) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("These results suggest that the drug protects nerve cells after injury.", "The drug may protect nerve cells after injury."),
    ("The data indicate that walking speed rose in the training group.", "Walking speed may have risen in the training group."),
    ("The available evidence suggests that paternal age is not linked to worse results.",
     "Paternal age may not be linked to worse results."),
    # hedged already: only the frame goes
    ("These findings suggest that a short-lived protein complex may exist in living cells.",
     "A short-lived protein complex may exist in living cells."),
    # a name keeps its small first letter
    ("The findings suggest that miR-200a has a role as a sign of endometriosis.", "miR-200a may have a role as a sign of endometriosis."),
])
def test_a_tentative_frame_becomes_a_hedge_on_the_verb(text, expected):
    assert shorten(text, drop_frames=False, findings=True) == expected


@pytest.mark.parametrize("text", [
    # the first verb is a relative clause's, needs a form the rule does not make, or is no hedge ("can")
    "The results suggest that women who trained had less pain after the injury.",
    "These results suggest that the drug did not change pain in the first year.",
    "The data suggest that front eyes can be subject to replication in other body regions.",
    # a second "that" needs its frame
    "This finding suggests that hypoxia may be at play, and that the cells adapt to it.",
    # "show" may be a claim or the plain word for "indicate": it keeps its frame
    "The results show that pain was lower in the training group.",
])
def test_a_tentative_frame_stays_where_its_hedge_cannot_move_to_the_verb(text):
    assert shorten(text, drop_frames=False, findings=True) == text
