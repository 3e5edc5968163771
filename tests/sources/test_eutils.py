import socket
import time

import pytest

from sciplain.sources.base import PaperRecord, SourceError
from sciplain.sources.eutils import DEFAULT_QUERY, PubMedSource, SearchResult
from sciplain.sources.http import rate_limiter

pytestmark = []

WINDOW = ("2024-01-01", "2024-01-31")


@pytest.fixture
def pubmed_source(eutils_server):
    """A client for the local server that does not wait: fast limiter, tiny backoff."""
    source = PubMedSource(base_url=eutils_server.url, tool="sciplain-tests", email="dev@example.org",
                          batch_size=10, limiter=rate_limiter(1000), backoff=0.01, max_attempts=4)
    yield source
    source.close()


def test_pubmed_source_search_sends_ncbi_parameters(eutils_server, pubmed_source):
    assert tuple(pubmed_source.search(*WINDOW)) == (25, "MCID_test", "1")
    (request,) = eutils_server.requests
    assert request.params == {
        "tool": "sciplain-tests", "email": "dev@example.org", "db": "pubmed", "term": DEFAULT_QUERY,
        "usehistory": "y", "retmax": "0", "datetype": "edat", "mindate": "2024/01/01", "maxdate": "2024/01/31"}


def test_pubmed_source_sends_api_key_when_given(eutils_server):
    source = PubMedSource(base_url=eutils_server.url, email="dev@example.org", api_key="k3y", limiter=rate_limiter(1000))
    source.search(*WINDOW)
    assert eutils_server.requests[0].params["api_key"] == "k3y"


def test_pubmed_source_fetch_reads_every_batch_from_history(eutils_server, pubmed_source):
    records = list(pubmed_source.fetch(*WINDOW))
    assert [r.pmid for r in records] == [str(41_000_000 + n) for n in range(25)]
    assert [(r.params["retstart"], r.params["retmax"]) for r in eutils_server.hits("efetch")] == [
        ("0", "10"), ("10", "10"), ("20", "5")]
    assert all(r.params["WebEnv"] == "MCID_test" and r.params["retmode"] == "xml" for r in eutils_server.hits("efetch"))


def test_pubmed_source_batches_say_where_to_resume(eutils_server, pubmed_source):
    batches = list(pubmed_source.iter_batches(*WINDOW, max=15))
    assert [(b.start, b.end, len(b.records), b.errors) for b in batches] == [(0, 10, 10, []), (10, 15, 5, [])]


def test_pubmed_source_resumes_from_retstart(eutils_server, pubmed_source):
    records = list(pubmed_source.fetch(*WINDOW, start=20))
    assert [r.pmid for r in records] == [str(41_000_000 + n) for n in range(20, 25)]
    assert [r.params["retstart"] for r in eutils_server.hits("efetch")] == ["20"]


def test_pubmed_source_retries_429_after_retry_after(eutils_server, pubmed_source):
    eutils_server.fail("efetch", 429, retry_after=1)
    assert len(list(pubmed_source.fetch(*WINDOW, max=10))) == 10
    first, second = eutils_server.hits("efetch")
    assert second.at - first.at >= 0.95


@pytest.mark.parametrize("failures", [[500], [503, "drop"], ["drop", 502, 500]])
def test_pubmed_source_retries_server_errors_and_dropped_connections(eutils_server, pubmed_source, failures):
    for failure in failures:
        eutils_server.fail("efetch", failure)
    records = list(pubmed_source.fetch(*WINDOW, max=10))
    assert len(records) == 10 and all(isinstance(r, PaperRecord) for r in records)
    assert len(eutils_server.hits("efetch")) == len(failures) + 1


def test_pubmed_source_gives_up_after_bounded_attempts(eutils_server, pubmed_source):
    for _ in range(4):
        eutils_server.fail("esearch", 500)
    with pytest.raises(SourceError, match=r"PubMed at 127\.0\.0\.1:\d+ answered HTTP 500 4 times in a row"):
        pubmed_source.search(*WINDOW)
    assert len(eutils_server.requests) == 4


def test_pubmed_source_keeps_three_requests_a_second_without_key(eutils_server):
    source = PubMedSource(base_url=eutils_server.url, email="dev@example.org", batch_size=1)
    assert len(list(source.fetch(*WINDOW, max=6))) == 6
    times = [r.at for r in eutils_server.requests]
    assert len(times) == 7 and times[-1] - times[0] >= 1.9
    assert all(later - earlier >= 0.9 for earlier, later in zip(times, times[3:]))


def test_pubmed_source_unreachable_host_raises_source_error():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    source = PubMedSource(base_url=f"http://127.0.0.1:{port}/", limiter=rate_limiter(1000), backoff=0.01, max_attempts=2)
    started = time.monotonic()
    with pytest.raises(SourceError, match=r"cannot reach PubMed at 127\.0\.0\.1:\d+: "):
        source.search(*WINDOW)
    assert time.monotonic() - started < 5


def test_pubmed_source_reports_expired_history_as_source_error(eutils_server, pubmed_source, monkeypatch):
    monkeypatch.setattr(type(pubmed_source), "search", lambda self, since, until: SearchResult(25, "MCID_gone", "1"))
    with pytest.raises(SourceError, match="sent no records for 0-10: .*eFetchResult"):
        list(pubmed_source.fetch(*WINDOW))
