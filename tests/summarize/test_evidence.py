import pytest

from sciplain.summarize.design import DESIGNS
from sciplain.summarize.evidence import EVIDENCE_SCALE, evidence_for_design


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
    assert [row[0] for row in EVIDENCE_SCALE] == ["1", "2", "3", "4", "5", "preclinical", "no-results"]
    assert all(len(row) == 3 and all(isinstance(x, str) and x for x in row) for row in EVIDENCE_SCALE)
