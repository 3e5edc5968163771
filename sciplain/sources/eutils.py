"""Fetch new spinal cord injury papers from PubMed through NCBI's E-utilities.

One esearch with ``usehistory=y`` leaves the result list on NCBI's history server;
efetch then reads it in batches by ``retstart``. Each ``Batch`` says where it
ends, so a run that stops half-way resumes from the last finished batch instead
of from the start. NCBI's rules (``tool`` and ``email`` on every request, 3
requests a second, 10 with an API key) are kept by ``sources.http``:
https://www.ncbi.nlm.nih.gov/books/NBK25497/
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from lxml import etree

from . import pubmed
from .base import PaperRecord, RecordError, SourceError
from .http import HttpClient, RateLimiter, rate_limiter

EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
DEFAULT_QUERY = '"spinal cord injuries"[MeSH Terms] OR "spinal cord injury"[Title/Abstract]'

Day = dt.date | str  # a date, or "2024-01-31" / "2024/01/31"


class SearchResult(NamedTuple):
    count: int
    webenv: str
    query_key: str


@dataclass(frozen=True, slots=True)
class Batch:
    """One efetch answer: the result positions ``start`` to ``end`` and what they held."""

    start: int
    end: int  # resume with start=end
    items: tuple[PaperRecord | RecordError, ...]
    total: int = 0  # positions the whole read covers (for progress bars)
    count: int = 0  # records the search found: a resumed read checks the list is the one it left

    @property
    def records(self) -> list[PaperRecord]:
        return [item for item in self.items if isinstance(item, PaperRecord)]

    @property
    def errors(self) -> list[RecordError]:
        return [item for item in self.items if isinstance(item, RecordError)]


NEW_OR_REVISED = "edat|mdat"  # entered or modified in the window: new papers, and revisions, retractions, errata


class PubMedSource:
    """PubMed papers entered (``datetype="edat"``), published (``"pdat"``) or either entered or
    modified (``NEW_OR_REVISED``) in a date window.

    NCBI's ``datetype`` takes one date type, so the two-type window is written into the
    search term instead: ``(query) AND (2024/03/01:2024/03/08[edat] OR …[mdat])``.
    """

    name = "pubmed"

    def __init__(
        self,
        *,
        base_url: str = EUTILS_URL,
        tool: str = "sciplain",
        email: str = "",
        api_key: str | None = None,
        batch_size: int = 200,
        query: str = DEFAULT_QUERY,
        datetype: str = "edat",
        limiter: RateLimiter | None = None,
        max_attempts: int = 5,
        backoff: float = 1.0,
        timeout: float = 60.0,
    ):
        self.batch_size = batch_size
        self.query = query
        self.datetype = datetype
        self.http = HttpClient(
            base_url=base_url, service="PubMed", params={"tool": tool, "email": email, "api_key": api_key},
            limiter=limiter or rate_limiter(10 if api_key else 3),
            max_attempts=max_attempts, backoff=backoff, timeout=timeout,
        )

    def search(self, since: Day, until: Day) -> SearchResult:
        """Run the query for the window on the history server: how many, and where they wait."""
        window = {"term": self.query, "datetype": self.datetype, "mindate": _ncbi_date(since),
                  "maxdate": _ncbi_date(until)}
        if "|" in self.datetype:
            span = f"{_ncbi_date(since)}:{_ncbi_date(until)}"
            window = {"term": f"({self.query}) AND ({' OR '.join(f'{span}[{kind}]' for kind in self.datetype.split('|'))})"}
        response = self.http.get("esearch.fcgi", {"db": "pubmed", "usehistory": "y", "retmax": 0, **window})
        try:
            root = etree.fromstring(response.content, etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError as exc:
            raise SourceError(f"PubMed at {self.http.host} sent an unreadable esearch answer: {exc}") from None
        error = root.findtext("ERROR")
        count, webenv, key = root.findtext("Count"), root.findtext("WebEnv"), root.findtext("QueryKey")
        if error or not (count and count.isdigit() and webenv and key):
            raise SourceError(f"PubMed at {self.http.host} rejected the search: {error or 'no Count/WebEnv/QueryKey'}")
        return SearchResult(int(count), webenv, key)

    def iter_batches(self, since: Day, until: Day, *, max: int | None = None, start: int = 0,
                     count: int | None = None) -> Iterator[Batch]:
        """Batches of the window's records from position ``start``; at most ``max`` positions.

        ``count`` is what the search found when the read that is now resumed began.
        When the search finds another number, records entered since have moved the
        list under the positions, and reading on from ``start`` could miss some: the
        read starts again from the first position instead (re-reading is harmless).
        """
        found = self.search(since, until)
        if start and count is not None and found.count != count:
            start = 0
        stop = found.count if max is None else min(found.count, start + max)
        for batch_start in range(start, stop, self.batch_size):
            size = min(self.batch_size, stop - batch_start)
            response = self.http.get("efetch.fcgi", {
                "db": "pubmed", "WebEnv": found.webenv, "query_key": found.query_key,
                "retstart": batch_start, "retmax": size, "retmode": "xml",
            })
            try:
                items = tuple(pubmed.parse(response.content))
            except SourceError as exc:  # an eFetchResult ERROR page, such as an expired WebEnv
                raise SourceError(f"PubMed at {self.http.host} sent no records for {batch_start}-{batch_start + size}: {exc}") from None
            yield Batch(batch_start, batch_start + size, items, stop, found.count)

    def fetch(self, since: Day, until: Day, max: int | None = None, start: int = 0) -> Iterator[PaperRecord | RecordError]:
        """Every record of the window, in PubMed's order; see ``iter_batches`` to resume."""
        for batch in self.iter_batches(since, until, max=max, start=start):
            yield from batch.items

    def close(self) -> None:
        self.http.close()


def _ncbi_date(value: Day) -> str:
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value).replace("/", "-"))
    return day.strftime("%Y/%m/%d")
