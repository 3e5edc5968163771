import pytest

from sciplain.summarize.design import DESIGNS
from sciplain.summarize.evidence import EVIDENCE_SCALE, evidence_for_design

from .abstracts import article


@pytest.mark.parametrize("design", DESIGNS)
def test_evidence_level_is_never_not_specified_for_a_known_design(design):
    ev = evidence_for_design(design)
    assert ev.level in {row[0] for row in EVIDENCE_SCALE}
    assert "not specified" not in (ev.label + ev.reason).lower()
    assert ev.reason.endswith(".") and ev.reason.count(". ") == 0  # one sentence


@pytest.mark.parametrize("design, level", [
    ("systematic review with meta-analysis", "1"), ("randomized controlled trial", "2"), ("cohort (prospective)", "3"),
    ("cohort (retrospective)", "4"), ("case report", "5"), ("animal study", "preclinical"),
    ("in vitro/lab study", "preclinical"), ("study protocol", "no-results"),
])
def test_evidence_level_follows_oxford_cebm_2011(design, level):
    assert evidence_for_design(design).level == level


def test_evidence_reason_reads_plainly():
    assert evidence_for_design("randomized controlled trial").reason == \
        "Level 2 of 5: a randomized controlled trial, where people were assigned to groups by chance."
    assert evidence_for_design("animal study").label == "Preclinical — not yet tested in people"


def test_evidence_scale_is_exported_as_data_for_the_about_page():
    assert [row[0] for row in EVIDENCE_SCALE] == ["1", "2", "3", "4", "5", "preclinical", "no-results", "no-studies"]
    assert all(len(row) == 3 and all(isinstance(x, str) and x for x in row) for row in EVIDENCE_SCALE)


EMPTY_REVIEW = [
    ("BACKGROUND", "Bracing may relieve pain in people with spinal cord compression from cancer."),
    ("OBJECTIVES", "To assess the effects of spinal bracing on pain in adults with metastatic spinal cord compression."),
    ("SEARCH METHODS", "We searched CENTRAL, MEDLINE and Embase in 2023."),
    ("MAIN RESULTS", "We screened 1611 potentially relevant studies. No studies met the inclusion criteria."),
    ("AUTHORS' CONCLUSIONS", "There is no evidence from randomised trials on bracing in this group."),
]


def test_a_review_that_included_no_studies_is_never_ranked_as_strong_evidence(offline):
    summary = offline.analyse(article("Bracing for spinal cord compression", EMPTY_REVIEW, publication_types=["Systematic Review"])).summary
    assert summary.study_design == "systematic review"
    assert summary.evidence_level.level == "no-studies" and summary.evidence_level.label == "No studies found"
    assert summary.participants.count is None and "1611" not in (summary.participants.description or "")
    assert "found none they could include" in summary.simple_explanation and "gathered" not in summary.simple_explanation
    assert "that found no studies it could include" in summary.research_summary
    assert not any("screened" in f.text for f in summary.key_findings)
    assert summary.practical_implications[0].title == "No answer yet"


@pytest.mark.parametrize("results", [
    # no trials on one comparison, in a review of twelve
    "We included 12 trials with 480 participants. We found no trials comparing surgery with dressings.",
    # no randomized trials, but one other study
    "No randomized controlled trials were identified. Only one case-control study was included.",
])
def test_a_review_with_studies_in_it_keeps_its_level_whatever_it_did_not_find(offline, results):
    sections = [("OBJECTIVES", "To assess treatments for pressure ulcers in people with spinal cord injury."),
                ("MAIN RESULTS", results), ("AUTHORS' CONCLUSIONS", "Dressings may help healing.")]
    summary = offline.analyse(article("Pressure ulcers", sections, publication_types=["Systematic Review"])).summary
    assert summary.evidence_level.level == "1"


def test_there_were_no_trials_identified_is_an_empty_review(offline):
    sections = [("OBJECTIVES", "To assess distal perfusion during aneurysm surgery."),
                ("SEARCH METHODS", "The Cochrane Register (last searched January 2012) was searched for randomised trials."),
                ("MAIN RESULTS", "There were no randomised controlled trials identified."),
                ("AUTHORS' CONCLUSIONS", "There are no randomised controlled trials to support distal perfusion.")]
    summary = offline.analyse(article("Distal perfusion", sections)).summary
    assert summary.study_design == "systematic review" and summary.evidence_level.level == "no-studies"
