"""Reviewer-found faults of the offline plain-language rewriting, each on an invented sentence."""

import json
from pathlib import Path

import pytest

from sciplain.summarize import doc
from sciplain.summarize.checks import _TEMPLATE_WORDS
from sciplain.summarize.clauses import drop_asides
from sciplain.summarize.plain import plain_words, strip_statistics
from sciplain.summarize.resources import Resources
from sciplain.summarize.terms import apply_glossary
from sciplain.summarize.textutil import HEDGE, stem


@pytest.fixture
def glossary():
    return Resources.build(glossary=[
        {"term": "in vitro", "plain": "in lab dishes", "definition": "d", "aliases": []},
        {"term": "central pattern generator", "plain": "spinal walking circuit", "definition": "d", "aliases": ["CPG", "CPGs"]},
        {"term": "magnetic resonance imaging", "plain": "MRI scan", "definition": "d", "aliases": ["MRI"]},
    ], categories=[])


@pytest.mark.parametrize("text, expected", [
    ("Adults with multiple sclerosis had multiple visits.", "Adults with multiple sclerosis had many visits."),
    ("Multiple pregnancy was rare.", "Multiple pregnancy was rare."),
    ("The Food and Drug Administration approved the drug after administration in two trials.",
     "The Food and Drug Administration approved the drug after giving in two trials."),
])
def test_plain_words_leave_fixed_phrases_and_names_alone(text, expected):
    assert plain_words(text) == expected


def test_glossary_leaves_protected_names_alone(glossary):
    out = apply_glossary("Couples had in vitro fertilisation, and eggs were grown in vitro.", glossary)
    assert out == "Couples had in vitro fertilisation, and eggs were grown in lab dishes."


def test_glossary_acronyms_are_case_sensitive(glossary):
    out = apply_glossary("Methylation at CpG sites changed, and the CPG drove stepping seen on MRI.", glossary)
    assert out == "Methylation at CpG sites changed, and the spinal walking circuit drove stepping seen on MRI scan."
    assert apply_glossary("The Central Pattern Generator fired.", glossary) == "The spinal walking circuit fired."


@pytest.mark.parametrize("text, expected", [
    ("It was an initial trial.", "It was a first trial."),
    ("An initial dose was given.", "A first dose was given."),
    ("It was a considerable rise.", "It was a large rise."),
])
def test_plain_words_fix_the_article_before_a_swapped_word(text, expected):
    assert plain_words(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The observed increase was small.", "The observed increase was small."),
    ("Their demonstrated benefit was small.", "Their demonstrated benefit was small."),
    ("We observed an increase.", "We saw an increase."),
    ("An increase was observed.", "An increase was seen."),
    ("Trials demonstrated a gain.", "Trials showed a gain."),
])
def test_plain_words_keep_participles_used_as_adjectives(text, expected):
    assert plain_words(text) == expected


def test_plain_words_keep_possessives_grammatical():
    assert plain_words("The participants' scores rose.") == "The people's scores rose."
    assert plain_words("The participants rose.") == "The people rose."


@pytest.mark.parametrize("text, expected", [
    ("Deaths were higher in the treated group, weighted hazard ratio (wHR) = 1.09.", "Deaths were higher in the treated group."),
    ("Risk rose with dose, ptrend = 0.017, in older men.", "Risk rose with dose, in older men."),
    ("Risk rose with dose (p-trend < 0.05) in older men.", "Risk rose with dose in older men."),
])
def test_strip_statistics_weighted_ratios_and_trend_tests(text, expected):
    assert strip_statistics(text) == expected


def test_drop_asides_keeps_hedged_and_negated_asides():
    hedged = "Sleep got worse, which may explain the fatigue."
    assert drop_asides(hedged) == hedged and HEDGE.search(drop_asides(hedged))
    assert drop_asides("Sleep got worse, which did not change mood.") == "Sleep got worse, which did not change mood."
    assert drop_asides("Sleep got worse, including naps.") == "Sleep got worse."


def test_evidence_strength_words_are_template_words():
    assert {stem("weak"), stem("strong"), stem("evidence")} <= _TEMPLATE_WORDS


def test_follow_up_keeps_its_name_but_not_a_plain_swap():
    path = Path(__file__).resolve().parents[2] / "sciplain" / "summarize" / "data" / "glossary.json"
    entry = next(e for e in json.loads(path.read_text()) if e["term"] == "follow-up")
    assert entry["plain"] == "" and entry["definition"]


def test_roles_include_other():
    assert "other" in doc.ROLES
