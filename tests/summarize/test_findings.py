import re

import pytest

from sciplain.summarize.steps.findings import (
    certainty_levels,
    keep_certainty,
    shorten,
    third_person,
)
from sciplain.summarize.textutil import numbers_in

from .abstracts import ALL, COHORT, RCT, REVIEW, article


@pytest.mark.parametrize("name", ["rct", "cohort", "review", "animal", "case_report"])
def test_key_findings_three_to_five_with_valid_source_sentences(offline, name):
    doc = offline.analyse(ALL[name])
    findings = doc.summary.key_findings
    assert 2 <= len(findings) <= 5
    for f in findings:
        assert f.source_sentences and all(0 <= i < len(doc.sentences) for i in f.source_sentences)
        assert doc.sentences[f.source_sentences[0]].role in ("results", "conclusions")


def test_key_findings_drop_statistics_and_keep_numbers_exact(offline):
    doc = offline.analyse(RCT)
    texts = [f.text for f in doc.summary.key_findings]
    assert "Walking speed improved by 0.12 m/s in the training group compared with usual care." in texts
    assert all("CI" not in t and "p =" not in t for t in texts)
    for f in doc.summary.key_findings:
        assert numbers_in(f.text) <= numbers_in(doc.sentences[f.source_sentences[0]].text)


def test_key_findings_keep_negations(offline):
    texts = [f.text for f in offline.analyse(RCT).summary.key_findings]
    assert "Balance scores did not differ between groups." in texts


def test_key_findings_skip_descriptions_of_the_included_studies(offline):
    texts = [f.text for f in offline.analyse(REVIEW).summary.key_findings]
    assert not any(t.startswith("We included") for t in texts)


def test_key_findings_none_for_a_protocol(offline):
    assert offline.analyse(ALL["protocol"]).summary.key_findings == []


def test_key_findings_on_unstructured_abstract_come_from_results_and_conclusions(offline):
    doc = offline.analyse(COHORT)
    assert doc.summary.key_findings[0].text.startswith("Infection rates were lower")


# --- certainty, the authors' voice and shorter sentences (invented abstracts) -------------------------------------

GRADED = article("", [
    ("Main results", ("We included nine trials with 1020 participants. Compared with usual care, bladder training may reduce urinary "
                     "tract infections (RR 0.61, 95% CI 0.40 to 0.93; 4 trials, 510 participants; low-certainty evidence). We are "
                     "uncertain whether bladder training affects quality of life (MD 2.1, 95% CI -1.0 to 5.2; 2 trials; very "
                     "low-certainty evidence). Bladder training probably makes little or no difference to hospital admissions "
                     "(RR 0.95, 95% CI 0.80 to 1.12; 5 trials, 700 participants; moderate-certainty evidence).")),
    ("Authors' conclusions", "Bladder training may reduce infections, but the evidence is limited."),
], publication_types=["Systematic Review"])

NARRATIVE = article(
    "Emerging treatments for neuropathic pain after spinal cord injury: a narrative review",
    "Neuropathic pain affects about half of people with spinal cord injury. Current drugs often give only partial relief and "
    "cause side effects. Here, we highlight emerging treatments, including brain stimulation and virtual reality. Brain "
    "stimulation reduced pain in several small trials, but the effects were short-lived. Virtual reality may lower pain "
    "intensity when combined with exercise. We also discuss how our understanding of pain mechanisms shapes new drug targets. "
    "Combining treatments may offer more relief than any single approach.",
    publication_types=["Review"],
)


def test_key_findings_keep_the_certainty_of_the_evidence_in_plain_words(offline):
    texts = [f.text for f in offline.analyse(GRADED).summary.key_findings]
    assert "Compared with usual care, bladder training may reduce urinary tract infections. The evidence for this is weak." in texts
    assert any(t.endswith("hospital admissions. The evidence for this is moderate.") for t in texts)
    assert not any("certainty" in t for t in texts)


def test_key_findings_do_not_add_certainty_to_a_finding_that_states_it():
    assert keep_certainty("We are uncertain whether it helps.", "We are uncertain whether it helps (very low-certainty evidence).") \
        == "We are uncertain whether it helps."
    assert keep_certainty("Pain fell.", "Pain fell (low-quality evidence) and sleep improved (high-certainty evidence).") \
        == "Pain fell. The evidence for this is weak to strong."
    assert keep_certainty("There is low-certainty evidence that it helps.", "There is low-certainty evidence that it helps.") \
        == "There is weak evidence that it helps."
    assert certainty_levels("Sleep improved (moderate quality evidence).") == ["moderate"]
    assert certainty_levels("Quality of life improved.") == []


@pytest.mark.parametrize("text, who, expected", [
    ("We highlight emerging treatments.", "the authors", "The authors highlight emerging treatments."),
    ("Here, we describe its use.", "the authors", "The authors describe its use."),
    ("Our results show a benefit that allows us to plan a trial.", "the researchers",
     "The results show a benefit that allows the researchers to plan a trial."),
    ("To our knowledge, this is the first trial in the US.", "the researchers", "To the authors' knowledge, this is the first trial in the US."),
])
def test_reader_text_puts_the_authors_we_in_the_third_person(text, who, expected):
    assert third_person(text, who) == expected


def test_key_findings_of_a_narrative_review_are_its_points_in_the_third_person(offline):
    doc = offline.analyse(NARRATIVE)
    texts = [f.text for f in doc.summary.key_findings]
    assert len(texts) >= 3
    assert not any(re.search(r"\b(?:we|our)\b", t, re.IGNORECASE) for t in texts)
    assert "Here are the main points." in doc.summary.simple_explanation and "We " not in doc.summary.simple_explanation


@pytest.mark.parametrize("text, expected", [
    ("The immune response may contribute less than 20% to clearance—the rest is taken care of by chance.",
     "The immune response may contribute less than 20% to clearance. The rest is taken care of by chance."),
    ("Using a new imaging method and a large sample of mice, we found that lesions were smaller.", "Lesions were smaller."),
    ("Lesions were smaller in treated mice than in control mice, suggesting that the drug may protect the cord.",
     "Lesions were smaller in treated mice than in control mice. This suggests that the drug may protect the cord."),
    ("Although the sample was small and the follow-up short, walking speed improved in most of the trained people.",
     "The sample was small and the follow-up short. But walking speed improved in most of the trained people."),
    ("Walking speed improved in the training group after eight weeks, and the balance scores were not different at six months.",
     "Walking speed improved in the training group after eight weeks. The balance scores were not different at six months."),
    ("Pain fell in both groups, and was lower with training in the first six weeks of the study.",
     "Pain fell in both groups, and was lower with training in the first six weeks of the study."),
    ("Risk was higher among carriers: n = 3,965, weighted hazard ratio = 1.04.", "Risk was higher among carriers."),
])
def test_shorten_splits_and_trims_without_losing_meaning(text, expected):
    assert shorten(text) == expected


def test_shorten_keeps_negations_hedges_and_hedging_frames():
    assert shorten("Early surgery did not improve recovery — at least not in older people.") == \
        "Early surgery did not improve recovery — at least not in older people."
    assert shorten("The results show that training may help.", drop_frames=False) == "The results show that training may help."
    assert shorten("The results show that training helps walking speed in adults.") == "Training helps walking speed in adults."


@pytest.mark.parametrize("verb, finding", [
    ("indicate", "The data show that early training improves walking in adults with spinal cord injury."),
    ("show", "Early training improves walking in adults with spinal cord injury."),
])
def test_key_findings_drop_a_frame_only_when_the_source_does_not_hedge(offline, verb, finding):
    a = article("T", [("RESULTS", f"Our data {verb} that early training improves walking in adults with spinal cord injury.")])
    assert offline.analyse(a).summary.key_findings[0].text == finding


def test_key_findings_skip_boilerplate_and_descriptions(offline):
    a = article("T", "Falls are common in wheelchair users. We surveyed 300 wheelchair users. Falls were reported by 40% of them. "
                     "Falls were more common in people with poor balance. We also discuss fall prevention programs. "
                     "Please see later in the article for the Editors' Summary.")
    texts = [f.text for f in offline.analyse(a).summary.key_findings]
    assert not any("Editors" in t or "discuss" in t for t in texts)


@pytest.mark.parametrize("text, expected", [
    # the authors' reading of a result belongs to the conclusions: a key finding is the result
    ("Lesions were smaller in treated mice than in control mice, suggesting that the drug may protect the cord.",
     "Lesions were smaller in treated mice than in control mice."),
    ("Walking speed rose in the trained group of adults, which indicates a benefit of early training.",
     "Walking speed rose in the trained group of adults."),
    ("Grip strength improved after the nerve transfer in most people, consistent with earlier reports.",
     "Grip strength improved after the nerve transfer in most people."),
    # a number or a negation in the reading would be lost with it: it stays, as a sentence of its own
    ("Lesions were smaller in treated mice than in control mice, suggesting that 30% of the damage is secondary.",
     "Lesions were smaller in treated mice than in control mice. This suggests that 30% of the damage is secondary."),
    ("Lesions were smaller in treated mice than in control mice, suggesting that the drug does not act on nerve cells.",
     "Lesions were smaller in treated mice than in control mice. This suggests that the drug does not act on nerve cells."),
    # too little is left to stand alone
    ("Pain fell, suggesting that the drug may help people with nerve pain.",
     "Pain fell, suggesting that the drug may help people with nerve pain."),
])
def test_shorten_for_a_key_finding_keeps_the_result_without_its_interpretation(text, expected):
    assert shorten(text, findings=True) == expected


def test_key_findings_leave_out_the_interpretation_the_research_summary_keeps(offline):
    a = article("T", [("RESULTS", ("Lesions were smaller in treated mice than in control mice, suggesting that the drug may "
                                  "protect the injured spinal cord."))])
    summary = offline.analyse(a).summary
    assert summary.key_findings[0].text == "Lesions were smaller in treated mice than in control mice."
    assert "This suggests that the drug may protect" in summary.research_summary


def test_key_findings_keep_the_short_form_of_a_long_abbreviation(offline):
    a = article("T", [("RESULTS", ("Lysophosphatidic acid receptor 2 (LPA2) was raised after injury in rats. Blocking LPA2 "
                                  "reduced the lesion size in rats. Spinal cord injury (SCI) raised pain in rats. SCI also "
                                  "raised spasticity in rats."))])
    texts = [f.text for f in offline.analyse(a).summary.key_findings]
    assert "Blocking LPA2 reduced the lesion size in rats." in texts
    assert "Spinal cord injury also raised spasticity in rats." in texts


def test_shorten_for_a_key_finding_keeps_a_further_result_after_showing():
    text = "Treated rats walked better at eight weeks, showing larger areas of spared white matter."
    assert shorten(text, findings=True) == text


def test_a_key_finding_stands_alone_without_a_leading_but(offline):
    from .abstracts import article

    a = article("T", [("RESULTS", ("The new species looks like the others. However, the pupa of the new species has large gills "
                                  "that set it apart from all other species in the genus."))])
    texts = [f.text for f in offline.analyse(a).summary.key_findings]
    assert any(t.startswith("The pupa of the new species has large gills") for t in texts)


def test_a_purpose_clause_before_the_main_clause_is_the_aim(offline):
    from .abstracts import article

    a = article("T", [("", ("To understand the basis for PNAG removal, the structure of the IcaB enzyme from one bacterium has been "
                           "determined. The enzyme uses an unusual process."))])
    simple = offline.analyse(a).summary.simple_explanation
    assert simple.startswith("The researchers wanted to understand the basis for PNAG removal.")


def test_people_screened_in_a_screening_study_is_a_finding_but_a_search_screening_is_not():
    from sciplain.summarize.steps.findings import DESCRIPTIVE

    assert not DESCRIPTIVE.search("Of 1,000 children screened, 5% had scoliosis.")
    assert DESCRIPTIVE.search("The authors screened 300 titles and abstracts after removal of duplicates.")
    assert DESCRIPTIVE.search("For this update, the authors found 347 possible titles.")
