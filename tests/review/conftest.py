import pytest


@pytest.fixture
def fixed_engine(monkeypatch):
    """The deterministic test engine instead of the real one (see tests/jobs/engine.py)."""
    import sciplain.summarize as engine_module
    from tests.jobs import engine

    monkeypatch.setattr(engine_module, "summarize", engine.fixed_summarize)
    try:
        from sciplain.summarize.backends import SUMMARY_BACKENDS

        monkeypatch.setitem(SUMMARY_BACKENDS, "fixed", engine.FixedBackend)
    except ImportError:
        pass
    return engine
