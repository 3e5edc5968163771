import pytest


@pytest.fixture(autouse=True)
def site_url(monkeypatch):
    """Links in emails point at the test client's host, so following them works."""
    monkeypatch.setenv("SCIPLAIN_SITE_URL", "http://testserver")
