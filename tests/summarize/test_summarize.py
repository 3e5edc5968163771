"""End to end: every hand-written abstract through the public API."""

import subprocess
import sys

import pytest

from sciplain.summarize import split_article, summarize
from sciplain.summarize.types import Summary

from .abstracts import ALL
from .conftest import CATEGORIES, GLOSSARY


@pytest.fixture(params=sorted(ALL))
def summarized(request):
    article = ALL[request.param]
    return article, summarize(article, categories=CATEGORIES, glossary=GLOSSARY)


def test_summarize_output_passes_every_error_check(summarized):
    _, s = summarized
    assert [c.message for c in s.checks if c.severity == "error"] == []
    assert s.passed


def test_summarize_fills_the_required_fields(summarized):
    _article, s = summarized
    assert s.simple_explanation and s.research_summary and s.evidence_level and s.study_design
    assert s.key_findings or s.study_design == "study protocol"
    assert 2 <= len(s.practical_implications) <= 3
    assert s.limitations


def test_summarize_is_deterministic(summarized):
    article, s = summarized
    assert summarize(article, categories=CATEGORIES, glossary=GLOSSARY) == s


def test_summarize_round_trips_through_json(summarized):
    _, s = summarized
    assert Summary.model_validate_json(s.model_dump_json()) == s


def test_summarize_simple_explanation_reads_at_grade_eight_or_below(summarized):
    _, s = summarized
    assert s.readability["simple_explanation"].fkgl <= 8


def test_summarize_source_sentences_point_into_split_article(summarized):
    article, s = summarized
    n = len(split_article(article))
    assert all(0 <= i < n for f in s.key_findings for i in f.source_sentences)


@pytest.mark.parametrize("name, design, level", [
    ("rct", "randomized controlled trial", "2"), ("cohort", "cohort (retrospective)", "4"),
    ("case_report", "case report", "5"), ("review", "systematic review with meta-analysis", "1"),
    ("animal", "animal study", "preclinical"), ("protocol", "study protocol", "no-results"), ("lab", "in vitro/lab study", "preclinical"),
])
def test_summarize_design_and_evidence_for_each_fixture(name, design, level):
    s = summarize(ALL[name])
    assert (s.study_design, s.evidence_level.level) == (design, level)


def test_summarize_engine_imports_no_django():
    code = "import sys, sciplain.summarize, sciplain.summarize.io, sciplain.summarize.files; print(any(m.startswith('django') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
