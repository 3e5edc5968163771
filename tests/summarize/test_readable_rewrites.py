"""Plainer and shorter output without changing what a sentence says: each rule on an invented sentence."""

import pytest

from sciplain.summarize.clauses import drop_asides, split_long
from sciplain.summarize.plain import drop_parentheticals, plain_words, strip_statistics
from sciplain.summarize.steps.compose import plainest
from sciplain.summarize.steps.findings import shorten, states_statistics
from sciplain.summarize.textutil import numbers_in

from .abstracts import article

# --- statistics named as the subject or object of a sentence -------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Carriers had a higher risk, with a weighted hazard ratio = 1.09.", "Carriers had a higher risk."),
    ("Risk was higher among carriers: weighted hazard ratio = 1.09.", "Risk was higher among carriers."),
    # the subject cannot go without breaking the sentence ("The for carriers …"): it stays whole
    ("The weighted hazard ratio = 1.09 for carriers compared with non-carriers.",
     "The weighted hazard ratio = 1.09 for carriers compared with non-carriers."),
    ("A weighted hazard ratio = 1.09 was found among carriers.", "A weighted hazard ratio = 1.09 was found among carriers."),
    ("Thickness fell with the drug, 95% confidence interval \u20101.59 to \u20100.49.", "Thickness fell with the drug."),
])
def test_strip_statistics_removes_a_ratio_only_where_the_sentence_survives(text, expected):
    assert strip_statistics(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The pooled risk ratio for death was 1.02 in general intensive care patients.", True),
    ("The OR for reduction in smoking (20 trials) was 0.87 (95% CI 0.75 to 1.00).", True),
    ("Pain fell by 1.5 points (MD -1.5, 95% CI -2.0 to -1.0).", False),
    ("The odds of recovery favoured training.", False),
])
def test_states_statistics_spots_sentences_that_are_still_statistics(text, expected):
    assert states_statistics(text) is expected


def test_a_sentence_that_is_still_statistics_makes_no_key_finding(offline):
    a = article("T", [("RESULTS", ("Walking speed improved by 0.12 m/s in the training group. The pooled hazard ratio for falls was "
                                  "1.09 in the training group. Pain scores fell in the training group after eight weeks. "
                                  "Balance improved in the trained people at six months."))])
    texts = [f.text for f in offline.analyse(a).summary.key_findings]
    assert texts and not any("hazard ratio" in t for t in texts)


def test_journal_notes_make_no_key_finding(offline):
    a = article("T", [("RESULTS", ("Walking speed improved by 0.12 m/s in the training group. Pain scores fell in the training group. "
                                  "Balance improved in the trained people at six months. For further resources related to this "
                                  "article, please visit the journal website."))])
    assert not any("visit" in f.text for f in offline.analyse(a).summary.key_findings)


@pytest.mark.parametrize("pointer", [
    "For further discussion of the elastic properties of these mixes, see Dimter et al.",
    "Interpretation of this data can be found in a research article entitled \"Gel culture systems for valve cells\".",
    "The data set refers to \"Diffusion in dilute alloys\" by Zhou et al.",
])
def test_a_sentence_that_points_to_another_paper_is_neither_a_finding_nor_what_a_study_means(offline, pointer):
    a = article("T", [("RESULTS", "Walking speed improved by 0.12 m/s in the training group. Pain scores fell in the training group."),
                      ("CONCLUSIONS", pointer)])
    summary = offline.analyse(a).summary
    assert not any("et al" in f.text or "article" in f.text for f in summary.key_findings)
    assert "What it means" not in summary.simple_explanation


def test_a_potential_named_after_someone_is_no_possible_one():
    assert plain_words("Purkinje potential pacing improved blood flow.") == "Purkinje potential pacing improved blood flow."
    assert plain_words("The potential benefit was small.") == "The possible benefit was small."


# --- splitting only where a clause with its own subject starts ---------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Pain fell in the trained group over the first year, and people in the control group lost strength over time.",
     "Pain fell in the trained group over the first year. People in the control group lost strength over time."),
    ("The sequences suggested infection with the same virus in all cases, yet sequence variation was consistent with separate infections.",
     "The sequences suggested infection with the same virus in all cases. But sequence variation was consistent with separate infections."),
    # the last item of a list, and an object after an article, are not clauses
    ("Older age, male sex, current smoking, and high blood pressure were linked to a higher risk of death in the cohort.",
     "Older age, male sex, current smoking, and high blood pressure were linked to a higher risk of death in the cohort."),
    ("Treatment was linked to lower pain in the first year, and an increased risk of falls in older people.",
     "Treatment was linked to lower pain in the first year, and an increased risk of falls in older people."),
])
def test_shorten_splits_at_a_conjunction_only_before_a_clause(text, expected):
    assert shorten(text) == expected


@pytest.mark.parametrize("text, expected", [
    (("Results were clear for the relapse rate, the share of patients free from relapses at one year, and the number of "
     "patients with active lesions at six months."),
     ("Results were clear for the relapse rate, the share of patients free from relapses at one year, and the number of "
     "patients with active lesions at six months.")),
    ("Walking distance and chair test scores, but not other fitness measures of the people, were each linked to longer telomeres.",
     "Walking distance and chair test scores, but not other fitness measures of the people, were each linked to longer telomeres."),
    ("Microscopy of the tissue showed more mitochondria in the region, and this finding correlated with a change in their shape.",
     "Microscopy of the tissue showed more mitochondria in the region. And this finding correlated with a change in their shape."),
    # a list of who can act, not a clause, before the ", and"
    ("Public health policy makers, health practitioners and educators, and departments of health can work together on programs.",
     "Public health policy makers, health practitioners and educators, and departments of health can work together on programs."),
])
def test_split_long_leaves_lists_and_elliptical_clauses_whole(text, expected):
    assert split_long(text) == expected


# --- plainer words that fit every use --------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Analysis revealed a novel pathway.", "Analysis showed a new pathway."),
    ("It led to more rapid recovery and rapid relief.", "It led to faster recovery and fast relief."),
    ("Gangliosides act as factors, in addition to their known function.", "Gangliosides act as factors, besides their known function."),
    ("Infection was not observed in treated patients.", "Infection was not seen in treated patients."),
    ("Scores were strongly correlated with age.", "Scores were strongly linked to age."),
    ("Pain was checked postoperatively.", "Pain was checked after surgery."),
])
def test_plain_words_swap_general_academic_words(text, expected):
    assert plain_words(text) == expected


@pytest.mark.parametrize("text", [
    "The design shows the potential for simpler circuits.",  # a noun: not "the possible for"
    "MDR correlated with oxacillinases.",  # the verb: "MDR linked to oxacillinases" has none
    "Klotho activates transient receptor potential vanilloid 5.",  # a name
    "Action potentials were recorded during rapid eye movement sleep.",
])
def test_plain_words_leave_nouns_verbs_and_names_that_a_swap_would_break(text):
    assert plain_words(text) == text


def test_removed_brackets_do_not_glue_words_together():
    assert drop_parentheticals("NMDA led to increased [Ca(2+)](i)and greater cell death.") == "NMDA led to increased and greater cell death."


# --- choosing the plainest of faithful texts -----------------------------------------------------------------

def test_plainest_counts_sentence_length_as_well_as_word_length():
    long_plain = "Pain got better over the weeks in the group that did the extra walking and in the group that did not walk at all."
    short = "Walking speed improved with training."
    assert plainest([long_plain, short]) == [short, long_plain]
    assert plainest(["", short]) == [short]


def test_what_it_means_drops_a_frame_that_does_not_hedge(offline):
    a = article("T", [("RESULTS", "Walking speed improved by 0.12 m/s in the training group. Pain scores fell in the training group."),
                      ("CONCLUSIONS", "The findings show that training improves walking in adults with spinal cord injury.")])
    simple = offline.analyse(a).summary.simple_explanation
    assert "What it means: training improves walking" in simple
    assert numbers_in(simple) <= numbers_in("0.12")


def test_the_simple_explanation_keeps_a_second_result_only_when_it_reads_plainly(offline):
    hard = ("Immunohistochemical quantification demonstrated significantly attenuated microglial activation and "
            "preserved oligodendrocyte populations throughout the perilesional parenchyma of treated animals.")
    a = article("T", [("RESULTS", f"Walking got better in the training group. {hard} Pain fell in the training group."),
                      ("CONCLUSIONS", "Training helps walking.")])
    simple = offline.analyse(a).summary.simple_explanation
    assert "Walking got better in the training group." in simple and "Pain fell in the training group." in simple
    a = article("T", [("RESULTS", f"Walking got better in the training group. {hard}"), ("CONCLUSIONS", "Training helps walking.")])
    summary = offline.analyse(a).summary
    assert "Walking got better" in summary.simple_explanation and "oligodendrocyte" not in summary.simple_explanation
    assert any("oligodendrocyte" in f.text for f in summary.key_findings)  # the finding itself is kept


def test_where_to_download_something_is_not_what_a_study_means(offline):
    a = article("T", [("RESULTS", "Walking speed improved in the training group. Pain scores fell in the training group."),
                      ("CONCLUSIONS", "The list of predictions is available at http://example.org/list.html.")])
    assert "What it means" not in offline.analyse(a).summary.simple_explanation


@pytest.mark.parametrize("text, expected", [
    ("The researchers studied infection with mouse hepatitis virus, a coronavirus used to model viral hepatitis.",
     "The researchers studied infection with mouse hepatitis virus."),
    # the end of a list, a quantity and a hedge stay
    ("Patients in the trial received aspirin, a statin and a beta blocker.", "Patients in the trial received aspirin, a statin and a beta blocker."),
    ("Pain fell in the training group, a drop of 30%.", "Pain fell in the training group, a drop of 30%."),
    ("Walking improved in the training group, a result that may matter.", "Walking improved in the training group, a result that may matter."),
])
def test_a_closing_appositive_goes_unless_it_carries_meaning(text, expected):
    assert drop_asides(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("There was a significant drop in pain.", "There was a clear drop in pain."),
    ("Bowel care is a very significant issue for patients.", "Bowel care is a very important issue for patients."),
    ("Significant challenges remain.", "Important challenges remain."),
])
def test_significant_is_clear_of_a_result_and_important_of_a_weighty_noun(text, expected):
    assert plain_words(text) == expected


def test_a_ratio_named_in_brackets_goes_with_the_value_printed_after_them():
    text = "Healing was similar at 24 weeks (risk ratio RR) 0.81, 95% confidence interval (CI) 0.52 to 1.26)."
    assert strip_statistics(text) == "Healing was similar at 24 weeks."


def test_event_counts_set_against_each_other_are_statistics():
    assert strip_statistics("Neither trial found differences in pain or non-union 2/38 versus 2/46.") == \
        "Neither trial found differences in pain or non-union."


def test_cochrane_hyphens_and_wishes_for_better_trials_are_read_right():
    from sciplain.summarize.steps.findings import certainty_levels, plain_certainty

    assert plain_certainty("There was very low\u2010certainty evidence on healing.") == "There was very weak evidence on healing."
    assert certainty_levels("High quality randomised controlled trials are needed.") == []
    assert certainty_levels("Pain fell (low quality evidence).") == ["low"]
    assert plain_words("An additional search found more studies.") == "Another search found more studies."


@pytest.mark.parametrize("text, expected", [
    ("The cognitive behavioural therapy study helped.", "The cognitive behavioural therapy study helped."),  # a name
    ("Psychological treatments helped some people.", "Talking treatments helped some people."),
])
def test_therapy_names_stay_whole_and_psychological_treatments_are_talking_treatments(text, expected):
    assert plain_words(text) == expected


def test_a_trailing_grade_becomes_a_sentence_of_its_own():
    from sciplain.summarize.steps.findings import keep_certainty

    assert keep_certainty("Success was higher in the cough group, very low-certainty evidence.", "") == \
        "Success was higher in the cough group. The evidence for this is very weak."


def test_a_list_item_without_a_verb_is_no_key_finding(offline):
    results = ("Four studies compared education with usual care. Provision of information on the prevention of "
               "pressure sores. Education lowered the number of new pressure sores in two studies.")
    a = article("T", [("RESULTS", results)])
    texts = [f.text for f in offline.analyse(a).summary.key_findings]
    assert texts and not any(t.startswith("Provision") for t in texts)


def test_a_disease_name_keeps_its_words_while_the_same_word_alone_is_made_plain(offline):
    a = article("T", [("METHODS", "Eight patients with advanced age-related macular degeneration received the lens."),
                      ("RESULTS", "Near vision improved in 7 eyes. Nerve degeneration was not seen in any patient.")])
    summary = offline.analyse(a).summary
    assert "age-related macular degeneration" in summary.simple_explanation
    assert "macular breakdown" not in summary.simple_explanation + summary.research_summary


@pytest.mark.parametrize("text, expected", [
    # a result in the past tense is no aside
    ("We built models based on vestibular shape, which estimated D. patagonica as a burrower.",
     "We built models based on vestibular shape, which estimated D. patagonica as a burrower."),
    # an initial's full stop does not end the aside early
    ("Cells came from the gut, such as E. coli and others, and grew fast.", "Cells came from the gut, and grew fast."),
])
def test_asides_end_at_a_real_full_stop_and_never_hold_a_result(text, expected):
    assert drop_asides(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Side effects were common, including rash, headache and nausea.", "Side effects were common."),
    ("Several drugs, including aspirin, heparin and warfarin, were tested.", "Several drugs were tested."),
    ("Side effects were common, including rash, headache and nausea, and most were mild.",
     "Side effects were common, and most were mild."),
    # what follows the aside's first item is a clause of its own, and stays
    ("Patients improved, especially in walking, and pain decreased.", "Patients improved, and pain decreased."),
    ("Several drugs, including aspirin, were tested in mice and rats.", "Several drugs were tested in mice and rats."),
    # a quantity anywhere in the list keeps all of it
    ("Many outcomes were recorded, including falls, pain and 3 deaths.", "Many outcomes were recorded, including falls, pain and 3 deaths."),
    # a quantity in the clause after the aside is no reason to keep the aside
    ("The risk, including death, may rise with 80% oxygen, and the benefit is unclear.",
     "The risk may rise with 80% oxygen, and the benefit is unclear."),
])
def test_an_aside_that_opens_a_list_goes_with_the_whole_list(text, expected):
    assert drop_asides(text) == expected


def test_a_tolerance_is_kept_while_a_spread_goes():
    assert strip_statistics("Age was 45 ± 3 years.") == "Age was 45 years."
    assert strip_statistics("Of eyes, 75.0% were within ±0.50 D of the target.") == "Of eyes, 75.0% were within ±0.50 D of the target."


@pytest.mark.parametrize("text, expected", [
    ("Patients with acute kidney injury did worse.", "Patients with sudden kidney damage did worse."),
    ("Acute pain fell after surgery.", "Short-term pain fell after surgery."),
    ("Children with acute lymphoblastic leukemia were treated.", "Children with acute lymphoblastic leukemia were treated."),
])
def test_acute_in_the_name_of_a_condition_is_not_early(text, expected):
    from sciplain.summarize.resources import default_resources
    from sciplain.summarize.terms import apply_glossary

    assert apply_glossary(text, default_resources()) == expected


def test_a_finding_that_states_its_quality_gets_no_second_sentence_on_it():
    from sciplain.summarize.steps.findings import keep_certainty

    text = "All studies were small and of only moderate quality."
    assert keep_certainty(text, text) == text


def test_a_grade_turned_into_a_sentence_is_not_added_twice():
    from sciplain.summarize.steps.findings import keep_certainty

    source = "Treatment may have reduced deaths at three years (RR 0.8, 95% CI 0.7 to 0.9; 552 people; low-certainty evidence)."
    out = keep_certainty("Treatment may have reduced deaths at three years, low-certainty evidence.", source)
    assert out == "Treatment may have reduced deaths at three years. The evidence for this is weak."


def test_an_aim_keeps_what_follows_followed_by():
    from sciplain.summarize.question import short_aim

    aim = "compare the helpful and harmful effects of chemoembolisation followed by radiotherapy versus chemoembolisation alone"
    assert short_aim(aim) == aim
    # an aim is cut only where what is left still says what was studied: "investigate the correct positioning" does not
    aim = ("investigate the correct positioning and examine the effects of spinal bracing to relieve pain or to prevent further "
           "vertebral collapse in people with MSCC")
    assert short_aim(aim) == aim
    # nor where the phrase before the cut needs what follows: "the benefit and safety of | using X"
    aim = ("evaluate the efficacy and safety of using sodium hyaluronate artificial tears for ocular discomfort and tear-film "
           "stability after cataract surgery")
    assert short_aim(aim) == aim


def test_a_subheading_left_among_the_results_is_no_key_finding(offline):
    a = article("T", [("RESULTS", ("More versus fewer home visits. Serious illness in newborns was not reported in any trial. "
                                  "Depression scores at four months were probably lower with individual care."))])
    texts = [f.text for f in offline.analyse(a).summary.key_findings]
    assert texts and "More versus fewer home visits." not in texts


def test_acute_spinal_cord_injury_keeps_its_name_and_gets_a_definition():
    from sciplain.summarize import summarize

    a = article("Surgery timing", [("METHODS", "Adults with acute spinal cord injury received early surgery."),
                                   ("RESULTS", "Walking improved in adults who had early surgery after acute spinal cord injury.")])
    summary = summarize(a)  # the project's own glossary
    assert "early spinal cord injury" not in summary.simple_explanation + " ".join(f.text for f in summary.key_findings)
    assert any(g.term == "acute spinal cord injury" for g in summary.glossary)


def test_that_no_treatment_is_available_is_what_a_study_means(offline):
    a = article("T", [("RESULTS", "Walking speed improved in the training group. Pain scores fell in the training group."),
                      ("CONCLUSIONS", "No effective drug treatment is available for this pain.")])
    assert "What it means: no effective drug treatment is available" in offline.analyse(a).summary.simple_explanation


def test_a_genus_initial_keeps_its_capital_mid_sentence():
    from sciplain.summarize.textutil import lower_first

    assert lower_first("C. frutescens cream reduces pain.") == "C. frutescens cream reduces pain."
    assert lower_first("Cream reduces pain.") == "cream reduces pain."


def test_a_name_with_a_small_first_letter_is_not_capitalised_at_a_sentence_start():
    from sciplain.summarize.textutil import capitalise

    assert [capitalise(t) for t in ("miR-200a rose.", "cDNA was made.", "pH fell.", "pain fell.")] == [
        "miR-200a rose.", "cDNA was made.", "pH fell.", "Pain fell."]
