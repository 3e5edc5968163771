"""Local stand-ins for E-utilities and Europe PMC, and builders for PubMed XML.

The servers listen on 127.0.0.1 (random port), log every request with its arrival
time, and can be told to fail: ``server.fail("efetch", 429, retry_after=1)``
answers the next efetch with that status; ``"drop"`` cuts the connection half-way
through the body.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sources"


def article_xml(pmid: int | str, *, title: str | None = None, year: int = 2024) -> str:
    """A realistic PubmedArticle with a structured abstract and invented content."""
    title = escape(title if title is not None else f"Treadmill training after spinal cord injury: study {pmid}")
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{pmid}</PMID>'
        f'<Article PubModel="Print"><Journal><JournalIssue CitedMedium="Internet"><PubDate><Year>{year}</Year>'
        f"<Month>Mar</Month></PubDate></JournalIssue><Title>Journal of Spinal Cord Research</Title></Journal>"
        f"<ArticleTitle>{title}</ArticleTitle><Abstract>"
        '<AbstractText Label="METHODS" NlmCategory="METHODS">We trained 40 adults for 8 weeks.</AbstractText>'
        '<AbstractText Label="RESULTS" NlmCategory="RESULTS">Walking speed rose by 0.1 m/s.</AbstractText>'
        "</Abstract><Language>eng</Language></Article></MedlineCitation><PubmedData><ArticleIdList>"
        f'<ArticleId IdType="pubmed">{pmid}</ArticleId></ArticleIdList></PubmedData></PubmedArticle>'
    )


def article_set(articles: list[str]) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n' + "\n".join(articles) + "\n</PubmedArticleSet>\n"


@dataclass
class Request:
    at: float
    path: str
    params: dict[str, str]


@dataclass
class FakeService:
    """What a stand-in server knows: its records, planned failures and a request log."""

    url: str = ""
    requests: list[Request] = field(default_factory=list)
    failures: dict[str, list[tuple]] = field(default_factory=dict)
    articles: dict[int, str] = field(default_factory=dict)  # PMID -> the XML to serve instead of article_xml

    def fail(self, endpoint: str, status: int | str, retry_after: float | None = None) -> None:
        self.failures.setdefault(endpoint, []).append((status, retry_after))

    def hits(self, endpoint: str) -> list[Request]:
        return [r for r in self.requests if endpoint in r.path]


def _serve(service: FakeService, answer):
    """Run ``answer(path, params) -> (status, content_type, body)`` on a local port."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlsplit(self.path)
            params = {key: values[0] for key, values in parse_qs(url.query).items()}
            service.requests.append(Request(time.monotonic(), url.path, params))
            endpoint = url.path.rstrip("/").rsplit("/", 1)[-1].split(".")[0]
            planned = service.failures.get(endpoint)
            if planned:
                status, retry_after = planned.pop(0)
                if status == "drop":
                    self.send_response(200)
                    self.send_header("Content-Length", "100000")
                    self.end_headers()
                    self.wfile.write(b"<?xml version='1.0'?><PubmedArticleSet><PubmedArt")
                    self.close_connection = True
                    return
                self.send_response(status)
                if retry_after is not None:
                    self.send_header("Retry-After", str(retry_after))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            status, content_type, body = answer(url.path, params)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    service.url = f"http://127.0.0.1:{server.server_address[1]}/"
    return server


@pytest.fixture
def eutils_server():
    """E-utilities holding 25 invented articles (PMIDs 41000000…) for any query.

    ``service.pmids`` is the result list, newest first as PubMed sorts it: a test may
    put a newly entered paper at its head.
    """
    service = FakeService()
    pmids = service.pmids = [41_000_000 + n for n in range(25)]

    def answer(path, params):
        if path.endswith("esearch.fcgi"):
            body = (f"<eSearchResult><Count>{len(pmids)}</Count><RetMax>0</RetMax><RetStart>0</RetStart>"
                    "<QueryKey>1</QueryKey><WebEnv>MCID_test</WebEnv><IdList/></eSearchResult>")
            return 200, "text/xml", body.encode()
        if path.endswith("efetch.fcgi"):
            if params.get("WebEnv") != "MCID_test" or params.get("query_key") != "1":
                return 200, "text/xml", b"<eFetchResult><ERROR>Unable to obtain query #1</ERROR></eFetchResult>"
            start, size = int(params["retstart"]), int(params["retmax"])
            page = [service.articles.get(p) or article_xml(p) for p in pmids[start:start + size]]
            return 200, "text/xml", article_set(page).encode()
        return 404, "text/plain", b"unknown endpoint"

    server = _serve(service, answer)
    yield service
    server.shutdown()
    server.server_close()


@pytest.fixture
def europepmc_results() -> list[dict]:
    return json.loads((FIXTURES / "europepmc_results.json").read_text())


@pytest.fixture
def europepmc_server(europepmc_results):
    """Europe PMC's /search with cursorMark paging over the fixture's results."""
    service = FakeService()

    def answer(path, params):
        if not path.endswith("/search"):
            return 404, "text/plain", b"unknown endpoint"
        cursor = params.get("cursorMark", "*")
        start = 0 if cursor == "*" else int(cursor.removeprefix("AoE"))
        size = int(params.get("pageSize", 25))
        page = europepmc_results[start:start + size]
        next_cursor = f"AoE{start + len(page)}" if page else cursor
        body = {"version": "6.9", "hitCount": len(europepmc_results), "nextCursorMark": next_cursor,
                "request": {"queryString": params.get("query", ""), "cursorMark": cursor},
                "resultList": {"result": page}}
        return 200, "application/json", json.dumps(body).encode()

    server = _serve(service, answer)
    yield service
    server.shutdown()
    server.server_close()
