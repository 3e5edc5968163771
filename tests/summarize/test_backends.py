import pytest

from sciplain.summarize import summarize
from sciplain.summarize.backends import (
    SUMMARY_BACKENDS,
    Backend,
    UnknownBackend,
    get_backend,
    register_backend,
)
from sciplain.summarize.backends.offline import OfflineBackend
from sciplain.summarize.types import KeyFinding, Summary

from .abstracts import RCT


def test_backend_offline_is_registered_through_the_same_door():
    assert SUMMARY_BACKENDS["offline"] is OfflineBackend
    assert isinstance(get_backend("offline"), Backend)


def test_backend_default_comes_from_environment(monkeypatch):
    monkeypatch.delenv("SCIPLAIN_SUMMARY_BACKEND", raising=False)
    assert get_backend().name == "offline"
    monkeypatch.setenv("SCIPLAIN_SUMMARY_BACKEND", "nope")
    with pytest.raises(UnknownBackend, match="unknown summary backend 'nope'"):
        get_backend()


@pytest.fixture
def fake_backend():
    @register_backend("fake-llm")
    class FakeLLM:
        name, version = "fake-llm", "0"

        def summarize(self, article):
            return Summary(simple_explanation="It helped 99% of people.", research_summary="x y z.",
                           key_findings=[KeyFinding(text="Made up.", source_sentences=[])],
                           study_design="randomized controlled trial")

    yield FakeLLM
    SUMMARY_BACKENDS.pop("fake-llm")


def test_backend_checks_run_on_every_backend_output(fake_backend):
    s = summarize(RCT, backend="fake-llm")
    found = {c.code for c in s.checks}
    assert {"F001", "F003", "F005"} <= found  # invented number, unsupported finding, no evidence level
    assert not s.passed and s.backend == "fake-llm"


def test_backend_returning_the_wrong_type_fails_loudly(fake_backend):
    @register_backend("broken")
    class Broken:
        name, version = "broken", "0"

        def summarize(self, article):
            return {"simple_explanation": "dict"}

    try:
        with pytest.raises(TypeError, match="expected Summary"):
            summarize(RCT, backend="broken")
    finally:
        SUMMARY_BACKENDS.pop("broken")


def test_backend_offline_stamps_name_and_version():
    s = summarize(RCT, backend="offline")
    assert s.backend == "offline" and s.version.startswith("offline-")
