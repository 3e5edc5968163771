import pytest

from sciplain.summarize import pipeline
from sciplain.summarize.doc import Doc
from sciplain.summarize.pipeline import REGISTRY, STEPS, StepError, analyze_steps, run, step
from sciplain.summarize.types import Summary

from .abstracts import RCT


def test_pipeline_requirements_are_met():
    assert analyze_steps(STEPS) == []


def test_pipeline_every_step_is_registered_and_named_once():
    assert len(STEPS) == len(set(STEPS))
    assert all(name in REGISTRY for name in STEPS)


def test_pipeline_analysis_reports_a_requirement_assigned_too_late():
    problems = analyze_steps(["design", "sentences"])
    assert problems and "requires 'sentences'" in problems[0]


def test_pipeline_analysis_reports_unknown_step():
    assert analyze_steps(["sentences", "no-such-step"]) == ["unknown step 'no-such-step'"]


@pytest.fixture
def temporary_step():
    created = []

    def make(name, func):
        step(name)(func)
        created.append(name)

    yield make
    for name in created:
        REGISTRY.pop(name, None)


def test_pipeline_runner_wraps_exceptions_with_step_name(temporary_step):
    def broken(doc):
        raise ValueError("boom")

    temporary_step("test_broken", broken)
    with pytest.raises(StepError, match=r"step 'test_broken' failed on article 'test-1': ValueError: boom") as info:
        run(Doc(article=RCT), ["sentences", "test_broken"])
    assert info.value.step == "test_broken"


def test_pipeline_runner_rejects_a_step_returning_the_wrong_type(temporary_step):
    temporary_step("test_wrong_type", lambda doc: Summary())
    with pytest.raises(StepError, match="returned Summary, expected Doc"):
        run(Doc(article=RCT), ["test_wrong_type"])


def test_pipeline_registering_a_different_function_twice_fails():
    with pytest.raises(ValueError, match="registered twice"):
        step("sentences")(lambda doc: doc)


def test_pipeline_steps_declare_what_they_assign(offline):
    doc = offline.analyse(RCT)
    for name in STEPS:
        for attr in REGISTRY[name].assigns:
            obj = doc
            for part in attr.split("."):
                assert hasattr(obj, part), f"{name} assigns missing attribute {attr}"
                obj = getattr(obj, part)


def test_pipeline_module_has_no_django_import():
    import sys

    import sciplain.summarize  # noqa: F401

    assert pipeline.__name__ == "sciplain.summarize.pipeline"
    offenders = [m for m in sys.modules if m.startswith("sciplain.summarize") and "django" in repr(getattr(sys.modules[m], "__dict__", {}).get("django", ""))]
    assert offenders == []
