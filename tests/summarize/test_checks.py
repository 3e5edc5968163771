import pytest

from sciplain.summarize import finalize
from sciplain.summarize.checks import check_summary
from sciplain.summarize.evidence import evidence_for_design
from sciplain.summarize.steps.sentences import split_article
from sciplain.summarize.types import EvidenceLevel, Implication, KeyFinding, Summary

from .abstracts import PROTOCOL, RCT, article


def good(**changes) -> Summary:
    base = dict(
        simple_explanation="The study tested treadmill training. Walking got faster.",
        research_summary="A randomized controlled trial of 42 adults. Walking speed improved by 0.12 m/s.",
        key_findings=[KeyFinding(text="Walking speed improved by 0.12 m/s in the training group compared with usual care.",
                                 source_sentences=[5])],
        study_design="randomized controlled trial", evidence_level=evidence_for_design("randomized controlled trial"),
    )
    base.update(changes)
    return Summary(**base)


def codes(summary, article=RCT):
    return [c.code for c in check_summary(summary, article, split_article(article))]


def test_checks_pass_a_faithful_summary():
    assert [c for c in codes(good()) if c not in ("F004",)] == []


@pytest.mark.parametrize("field, value", [
    ("simple_explanation", "Walking got 50% faster."),
    ("research_summary", "A trial of 43 adults."),
])
def test_check_f001_number_not_in_source(field, value):
    assert "F001" in codes(good(**{field: value}))


def test_check_f001_accepts_numbers_the_source_spells_out():
    assert "F001" not in codes(good(simple_explanation="The study included 42 adults."))  # source: "Forty-two"


@pytest.mark.parametrize("text, source", [
    ("Balance scores differed between groups.", 6),  # source: "did not differ"
    ("Walking speed did not improve in the training group.", 5),
])
def test_check_f002_negation_lost_or_added(text, source):
    assert "F002" in codes(good(key_findings=[KeyFinding(text=text, source_sentences=[source])]))


def test_check_f002_a_written_out_abbreviation_adds_no_negation():
    a = article("Eye injuries", [("RESULTS", ("Of the eyes, 44 had no light perception (NLP) at the end. "
                                              "Vision was worse in 2 NLP eyes after a late lens."))])
    written_out = "Vision was worse in 2 no light perception eyes after a late lens."
    assert "F002" not in codes(good(key_findings=[KeyFinding(text=written_out, source_sentences=[1])]), a)
    # a negation of the finding's own is still one
    added = "Vision was not worse in 2 no light perception eyes after a late lens."
    assert "F002" in codes(good(key_findings=[KeyFinding(text=added, source_sentences=[1])]), a)


@pytest.mark.parametrize("finding", [
    KeyFinding(text="Walking speed improved.", source_sentences=[]),
    KeyFinding(text="Walking speed improved.", source_sentences=[99]),
    KeyFinding(text="Cats prefer fish over cheese on sunny afternoons.", source_sentences=[5]),
])
def test_check_f003_finding_without_valid_or_supporting_source(finding):
    assert "F003" in codes(good(key_findings=[finding]))


def test_check_f004_is_a_warning_for_hard_text():
    hard = "Pharmacological neuroprotective interventions demonstrated heterogeneous electrophysiological characteristics."
    checks = check_summary(good(simple_explanation=hard), RCT, split_article(RCT))
    f004 = [c for c in checks if c.code == "F004"]
    assert f004 and all(c.severity == "warning" for c in f004)


@pytest.mark.parametrize("field", ["simple_explanation", "research_summary", "key_findings"])
def test_check_f005_required_field_empty(field):
    empty = [] if field == "key_findings" else ""
    assert "F005" in codes(good(**{field: empty}))


def test_check_f005_protocol_may_have_no_findings():
    summary = good(key_findings=[], study_design="study protocol", evidence_level=evidence_for_design("study protocol"),
                   simple_explanation="A plan.", research_summary="A plan for 60 adults.")
    assert "F005" not in codes(summary, PROTOCOL)


def test_check_f006_hedge_lost_is_a_warning():
    finding = KeyFinding(text="Treadmill training improves walking speed in people with chronic incomplete SCI.", source_sentences=[9])
    checks = check_summary(good(key_findings=[finding]), RCT, split_article(RCT))
    assert [c.severity for c in checks if c.code == "F006"] == ["warning"]


def test_check_f007_evidence_level_must_match_design():
    wrong = EvidenceLevel(level="5", label="Not specified", reason="Not specified.")
    assert "F007" in codes(good(evidence_level=wrong))


def test_check_f008_medical_advice():
    advice = [Implication(title="Do this", text="You should stop taking your medication and start training.")]
    assert "F008" in codes(good(practical_implications=advice))


def test_check_f009_unexplained_abbreviation():
    assert "F009" in codes(good(simple_explanation="The SCI group walked faster."))


def test_check_f010_copied_sentence():
    copied = RCT.sections[2].text.split(". ")[0] + "."
    assert "F010" in codes(good(simple_explanation=copied))


def test_checks_errors_block_publication_and_warnings_do_not():
    article = RCT
    with_error = finalize(good(simple_explanation="Walking got 50% faster."), article)
    assert not with_error.passed
    warned = finalize(good(simple_explanation="Pharmacological neuroprotective interventions demonstrated heterogeneity."), article)
    assert all(c.severity == "warning" for c in warned.checks) and warned.passed


def test_checks_messages_start_with_their_code():
    for c in check_summary(good(simple_explanation="Walking got 50% faster."), RCT, split_article(RCT)):
        assert c.message.startswith(c.code + " ")


def test_finalize_adds_readability_per_field():
    s = finalize(good(), RCT)
    assert set(s.readability) == {"simple_explanation", "key_findings", "research_summary"}
    r = s.readability["simple_explanation"]
    assert r.words == 8 and r.sentences == 2 and r.fkgl is not None and r.smog is None  # SMOG needs 3 sentences


def test_check_f003_counts_a_glossary_plain_form_in_its_plural_as_support():
    from sciplain.summarize.resources import Resources



    rats = article("Contusions", [("RESULTS", "Contusions healed in the treated rats.")])
    resources = Resources.build(glossary=[{"term": "contusion", "plain": "bruising injury", "aliases": ["contusions"]}], categories=[])
    # "injuries" stems to "injur", "injury" to "injury": only the plural plain form supports the finding.
    summary = good(key_findings=[KeyFinding(text="Injuries healed.", source_sentences=[0])])
    assert "F003" not in [c.code for c in check_summary(summary, rats, split_article(rats), resources)]
    assert "F003" in [c.code for c in check_summary(summary, rats, split_article(rats))]
