import pytest

from sciplain.summarize.textutil import numbers_in

from .abstracts import ALL, COHORT, RCT, REVIEW


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
