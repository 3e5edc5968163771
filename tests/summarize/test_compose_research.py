"""The research summary: composed in a fixed order (question, design, results, conclusion, one limitation),
never the abstract's own sentences with statistics removed. Abstracts here are invented for these tests."""

import re

import pytest

from sciplain.summarize.textutil import numbers_in

from .abstracts import ALL, CASE_REPORT, REVIEW, article

PROTOCOL = article(
    "Home-based arm cycling after cervical spinal cord injury: protocol for a randomised controlled trial",
    "Arm weakness limits daily life after cervical spinal cord injury. This trial will test whether home-based arm cycling "
    "improves arm strength. Sixty adults with chronic cervical spinal cord injury will be randomly assigned to arm cycling "
    "or usual care for 16 weeks. The primary outcome will be grip strength at 16 weeks. The results will inform community "
    "rehabilitation. Trial registration number: NCT01234567.",
    publication_types=["Clinical Trial Protocol"],
)
COHORT = article("Sleep and pain after spinal cord injury", [
    ("Objective", "To examine whether poor sleep predicts pain one year after spinal cord injury."),
    ("Design", "Prospective cohort study."),
    ("Participants", "We followed 212 people with new spinal cord injury for 12 months."),
    ("Results", ("Poor sleep at baseline was associated with higher pain scores at 12 months (beta = 0.31, p = 0.002). "
                "Sleep medication use did not change this association.")),
    ("Conclusions", ("Our findings suggest that poor sleep may be an early marker of chronic pain. Sleep should be assessed "
                    "during rehabilitation.")),
    ("Limitations", "Sleep was self-reported."),
    ("Funding", "This work was funded by the National Injury Fund."),
], publication_types=["Journal Article"], mesh=["Humans"])
TESTED = article(
    "Cold water immersion and spasticity",
    "Spasticity is common after spinal cord injury. Here we tested whether cold water immersion reduces spasticity. "
    "Twenty adults with spinal cord injury were randomly assigned to cold or warm water for 4 weeks. Spasticity scores fell "
    "by 30% after cold water but not after warm water. A limitation of this study is the small sample. Taken together, "
    "these results suggest that cold water may ease spasticity for a few hours.",
    publication_types=["Randomized Controlled Trial"], mesh=["Humans"],
)


def test_research_summary_drops_registration_lines_and_describes_a_protocol_plainly(offline):
    text = offline.analyse(PROTOCOL).summary.research_summary
    assert "NCT" not in text and "registration" not in text.lower()
    assert text.startswith("The study aims to test whether home-based arm cycling improves arm strength.")
    assert "This paper describes the plan for a study of 60 adults with chronic cervical spinal cord injury. It has no results yet." in text
    assert "The main outcome will be grip strength at 16 weeks." in text


def test_research_summary_of_a_cohort_reads_as_sentences_with_hedges_and_a_limitation(offline):
    text = offline.analyse(COHORT).summary.research_summary
    assert "This was a prospective cohort study of 212 people with new spinal cord injury." in text
    assert "The authors suggest that poor sleep may be an early marker of chronic pain." in text
    assert "did not change" in text
    assert text.endswith("The authors note a limitation: sleep was self-reported.")
    assert "Fund" not in text and "beta" not in text


def test_research_summary_rewrites_the_authors_frames(offline):
    text = offline.analyse(TESTED).summary.research_summary
    assert text.startswith("The researchers tested whether cold water immersion reduces spasticity.")
    assert not re.search(r"\b(?:we|our|here)\b", text, re.IGNORECASE)
    assert "The authors suggest that cold water may ease spasticity for a few hours." in text
    assert text.count("limitation") == 1 and "small sample" in text


def test_research_summary_keeps_the_certainty_of_a_review(offline):
    text = offline.analyse(REVIEW).summary.research_summary
    assert "This was a systematic review with meta-analysis of 12 studies with 480 participants." in text
    assert "Exercise reduced pain intensity compared with no exercise. The evidence for this is weak." in text
    assert "The authors conclude that exercise may reduce chronic pain after spinal cord injury, but the evidence is uncertain." in text


def test_research_summary_of_a_case_report_does_not_repeat_the_patient(offline):
    doc = offline.analyse(CASE_REPORT)
    assert doc.summary.research_summary.count("34-year-old man") == 1
    assert doc.summary.simple_explanation.count("34-year-old man") == 1


def test_research_summary_leaves_out_limitations_that_are_not_the_study_s(offline):
    a = article("T", "Walking recovery after spinal cord injury is slow. We reviewed 40 records of adults with injury. "
                     "Walking speed improved in 30 of them. Spasticity and pain present major limitations for recovery.")
    assert "limitation" not in offline.analyse(a).summary.research_summary.lower()


@pytest.mark.parametrize("name", sorted(ALL))
def test_research_summary_keeps_numbers_exact_and_copies_no_source_sentence(offline, name):
    doc = offline.analyse(ALL[name])
    text = doc.summary.research_summary
    assert numbers_in(text) <= numbers_in(doc.source_text, words=True)
    assert not any(len(s.text.split()) > 12 and s.text in text for s in doc.sentences if s.role != "results")


@pytest.mark.parametrize("conclusion", [
    "It was concluded that cold water eases spasticity in adults with spinal cord injury.",
    "Mechanistically, cold water eases spasticity in adults with spinal cord injury.",
])
def test_research_summary_states_a_conclusion_in_one_frame(offline, conclusion):
    a = article("T", [("RESULTS", "Spasticity scores fell after cold water immersion in most of the adults."),
                      ("CONCLUSIONS", conclusion)])
    text = offline.analyse(a).summary.research_summary
    assert "The authors conclude that cold water eases spasticity in adults with spinal cord injury." in text


@pytest.mark.parametrize("conclusion, expected", [
    ("In conclusion, it was concluded that cold water eases spasticity in adults with spinal cord injury.",
     "The authors conclude that cold water eases spasticity in adults with spinal cord injury."),
    ("That spasticity fell after cold water but not after warm water suggests that cooling itself eases it.",
     "That spasticity fell after cold water but not after warm water suggests that cooling itself eases it."),
])
def test_research_summary_never_doubles_the_conclusion_frame(offline, conclusion, expected):
    a = article("T", [("RESULTS", "Spasticity scores fell after cold water immersion in most of the adults."),
                      ("CONCLUSIONS", conclusion)])
    text = offline.analyse(a).summary.research_summary
    assert expected in text
    assert "that that" not in text.lower() and "that it was concluded" not in text


@pytest.mark.parametrize("conclusion, expected", [
    # the results or the study as subject already say whose conclusion it is
    ("These findings establish a link between cold water and lower spasticity in spinal cord injury.",
     "These findings establish a link between cold water and lower spasticity in spinal cord injury."),
    ("The results of this study suggest that cold water eases spasticity in adults with spinal cord injury.",
     "The authors suggest that cold water eases spasticity in adults with spinal cord injury."),
    # a second verb phrase of the conclusion becomes a sentence of its own, its subject the conclusion's, not the authors'
    ("Cold water reduces spasticity in adults with spinal cord injury and is safe for people with low blood pressure.",
     ("The authors conclude that cold water reduces spasticity in adults with spinal cord injury. It is also safe for "
     "people with low blood pressure.")),
])
def test_research_summary_frames_a_conclusion_only_when_it_needs_saying_whose_it_is(offline, conclusion, expected):
    a = article("T", [("RESULTS", "Spasticity scores fell after cold water immersion in most of the adults."),
                      ("CONCLUSIONS", conclusion)])
    assert expected in offline.analyse(a).summary.research_summary


@pytest.mark.parametrize("duration, sentence", [
    ("24-week treatment period", "It involved a 24-week treatment period."),
    ("8-week program", "It involved an 8-week program."),
    ("8 weeks of treadmill training", "It involved 8 weeks of treadmill training."),
    ("14 days", "The study lasted 14 days."),
    ("12-month follow-up", "There was a 12-month follow-up."),
])
def test_a_study_duration_reads_as_a_sentence(duration, sentence):
    from sciplain.summarize.steps.compose import duration_sentence

    assert duration_sentence(duration, future=False) == sentence


def test_a_certainty_statement_is_no_main_outcome(offline):
    a = article("T", [("OBJECTIVES", "To assess education for preventing pressure ulcers."),
                      ("MAIN RESULTS", ("We included 10 studies with 2261 participants. The evidence for the primary outcome was of "
                                       "very low certainty. Education made little difference to new ulcers.")),
                      ("AUTHORS' CONCLUSIONS", "Education may make little difference.")])
    assert "The main outcome was" not in offline.analyse(a).summary.research_summary


def test_research_summary_gives_the_plainest_three_of_more_results_and_key_findings_add_only_plain_extras(offline):
    hard = ("Phosphoproteomic quantification demonstrated upregulated mitogen-activated kinase phosphorylation "
            "concomitant with attenuated oligodendrocyte apoptosis.")
    a = article("Arm cycling after spinal cord injury", [
        ("METHODS", "Forty adults with spinal cord injury cycled for eight weeks."),
        ("RESULTS", "Arm strength rose in the cycling group. " + hard + " Pain fell in the cycling group. "
                    "Sleep got better in the cycling group."),
        ("CONCLUSIONS", "Arm cycling helps people with spinal cord injury.")])
    summary = offline.analyse(a).summary
    assert "mitogen" not in summary.research_summary
    assert re.search(r"Arm strength rose.*Pain fell.*Sleep got better", summary.research_summary)
    # the best three findings and a plain fourth; the hard result would have been a fifth
    assert len(summary.key_findings) == 4
    assert not any("mitogen" in f.text for f in summary.key_findings)
