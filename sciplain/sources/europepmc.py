"""Fetch papers from Europe PMC's REST API, which adds preprints and full-text links to PubMed.

Pages are read with ``cursorMark`` (deep paging by ``page`` is refused past 10,000
hits); each ``Page`` carries the cursor that reads the next one, so a run can
resume where it stopped. Same HTTP rules as PubMed via ``sources.http``:
https://europepmc.org/RestfulWebService
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from typing import Any

from lxml import html

from .base import (
    AbstractSection,
    Author,
    Correction,
    Grant,
    MeshHeading,
    PaperRecord,
    RecordError,
    SourceError,
)
from .http import HttpClient, RateLimiter, rate_limiter
from .markup import fragment
from .pubmed_record import CORRECTION_TYPES
from .text import (
    MAX_SECTION,
    MAX_TITLE,
    cap,
    category_of,
    labelled_sections,
    normalise_orcid,
    printed_date,
    squash,
)

EUROPEPMC_URL = "https://www.ebi.ac.uk/europepmc/webservices/rest/"
DEFAULT_QUERY = '(MESH:"Spinal Cord Injuries" OR TITLE:"spinal cord injury" OR ABSTRACT:"spinal cord injury")'
_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class Page:
    """One search answer: read with ``cursor``; ``next_cursor`` reads the page after it."""

    cursor: str
    next_cursor: str
    items: tuple[PaperRecord | RecordError, ...]
    total: int = 0  # hits the query has in all (for progress bars)


class EuropePMCSource:
    """Europe PMC papers first published (``FIRST_PDATE``) in a date window."""

    name = "europepmc"

    def __init__(
        self,
        *,
        base_url: str = EUROPEPMC_URL,
        email: str = "",
        page_size: int = 100,
        query: str = DEFAULT_QUERY,
        limiter: RateLimiter | None = None,
        max_attempts: int = 5,
        backoff: float = 1.0,
        timeout: float = 60.0,
    ):
        self.page_size = page_size
        self.query = query
        self.http = HttpClient(
            base_url=base_url, service="Europe PMC", params={"email": email},
            limiter=limiter or rate_limiter(5), max_attempts=max_attempts, backoff=backoff, timeout=timeout,
        )

    def iter_pages(self, since: dt.date | str, until: dt.date | str, *, cursor: str = "*",
                   max: int | None = None) -> Iterator[Page]:
        """Pages of the window from ``cursor`` until the cursor stops moving or ``max`` items came."""
        query = f"({self.query}) AND FIRST_PDATE:[{_day(since)} TO {_day(until)}]"
        seen = 0
        while max is None or seen < max:
            size = self.page_size if max is None else min(self.page_size, max - seen)
            response = self.http.get("search", {
                "query": query, "format": "json", "resultType": "core", "cursorMark": cursor, "pageSize": size,
            })
            try:
                body = response.json()
                results = body.get("resultList", {}).get("result", [])
            except (ValueError, AttributeError) as exc:
                raise SourceError(f"Europe PMC at {self.http.host} sent an unreadable answer: {exc}") from None
            next_cursor = body.get("nextCursorMark") or cursor
            total = body.get("hitCount") if isinstance(body.get("hitCount"), int) else 0
            items = tuple(record_or_error(result, seen + number) for number, result in enumerate(results, 1))
            seen += len(items)
            yield Page(cursor, next_cursor, items, total if max is None else min(total, max))
            if not results or next_cursor == cursor:
                return
            cursor = next_cursor

    def fetch(self, since: dt.date | str, until: dt.date | str, max: int | None = None,
              cursor: str = "*") -> Iterator[PaperRecord | RecordError]:
        for page in self.iter_pages(since, until, cursor=cursor, max=max):
            yield from page.items

    def close(self) -> None:
        self.http.close()


def _day(value: dt.date | str) -> str:
    return (value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value).replace("/", "-"))).isoformat()


def record_or_error(result: Any, position: int) -> PaperRecord | RecordError:
    """A ``PaperRecord`` for one ``resultList.result`` item of a ``resultType=core`` answer."""
    try:
        return _record(result, position)
    except Exception as exc:  # noqa: BLE001 - one odd result must not end the page
        pmid = str(result.get("pmid", "")) if isinstance(result, dict) else ""
        return RecordError(position, f"unreadable Europe PMC result ({type(exc).__name__}: {exc})", pmid)


def _record(result: dict, position: int) -> PaperRecord | RecordError:
    source, ident, pmid = result.get("source", ""), str(result.get("id", "")), str(result.get("pmid", ""))
    if not (source and ident):
        return RecordError(position, "result without source and id", pmid)
    warnings: list[str] = []
    title, title_html = fragment(result.get("title") or "")
    if not title:
        return RecordError(position, "result without a title", pmid)
    if len(title) > MAX_TITLE:
        title = cap(title, MAX_TITLE, "title", warnings)
        title_html = escape(title, quote=False)
    journal_info = result.get("journalInfo") or {}
    journal = journal_info.get("journal") or {}
    printed = journal_info.get("printPublicationDate") or result.get("firstPublicationDate") or ""
    year, month, day, problems = printed_date(printed or str(result.get("pubYear", "")))
    warnings.extend(f"date: {problem}" for problem in problems)
    types = tuple(_items(result, "pubTypeList", "pubType"))
    corrections = tuple(_corrections(result))
    return PaperRecord(
        source="europepmc",
        source_id=f"{source}:{ident}",
        pmid=pmid,
        title=title,
        title_html=title_html,
        doi=result.get("doi", ""),
        pmcid=result.get("pmcid", ""),
        journal=journal.get("title", ""),
        journal_iso=journal.get("isoabbreviation") or journal.get("medlineAbbreviation", ""),
        pub_date=journal_info.get("dateOfPublication") or printed,
        year=year,
        month=month,
        day=day,
        authors=tuple(_author(a) for a in _items(result, "authorList", "author")),
        abstract=tuple(AbstractSection(text=cap(s.text, MAX_SECTION, "abstract section", warnings),
                                       label=s.label, category=s.category)
                       for s in abstract_sections(result.get("abstractText") or "")),
        keywords=tuple(squash(k) for k in _items(result, "keywordList", "keyword") if squash(k)),
        mesh=tuple(_mesh(h) for h in _items(result, "meshHeadingList", "meshHeading")),
        publication_types=types,
        language=result.get("language", ""),
        grants=tuple(Grant(grant_id=g.get("grantId", ""), agency=g.get("agency", ""))
                     for g in _items(result, "grantsList", "grant")),
        corrections=corrections,
        retracted=any(t.lower() == "retracted publication" for t in types)
        or any(c.ref_type == "RetractionIn" for c in corrections),
        free_full_text_url=_free_full_text(result),
        revised=result.get("dateOfRevision", ""),
        raw=json.dumps(result, ensure_ascii=False),
        warnings=tuple(warnings),
    )


def _items(result: dict, outer: str, inner: str) -> list:
    value = (result.get(outer) or {}).get(inner) or []
    return value if isinstance(value, list) else [value]


def abstract_sections(markup: str) -> tuple[AbstractSection, ...]:
    """Sections of an abstract given as HTML, headed by <h4> elements or "BACKGROUND:" labels."""
    parts = _HEADING.split(markup)
    if len(parts) == 1:
        return labelled_sections(_plain(markup))
    sections = [AbstractSection(text=_plain(parts[0]))]
    for heading, body in zip(parts[1::2], parts[2::2]):
        label = _plain(heading).rstrip(":")
        sections.append(AbstractSection(text=_plain(body), label=label, category=category_of(label)))
    return tuple(s for s in sections if s.text)


def _plain(markup: str) -> str:
    if "<" not in markup and "&" not in markup:
        return squash(markup)
    return squash(html.fragment_fromstring(markup, create_parent="div").text_content())


def _author(author: dict) -> Author:
    affiliations = [a.get("affiliation", "") for a in _items(author, "authorAffiliationDetailsList", "authorAffiliation")]
    orcid = author.get("authorId") or {}
    return Author(
        last_name=author.get("lastName", ""),
        fore_name=author.get("firstName", ""),
        initials=author.get("initials", ""),
        collective_name=author.get("collectiveName", "") or ("" if author.get("lastName") else author.get("fullName", "")),
        affiliation="; ".join(a for a in affiliations if a) or author.get("affiliation", ""),
        orcid=normalise_orcid(orcid.get("value", "")) if orcid.get("type") == "ORCID" else "",
    )


def _mesh(heading: dict) -> MeshHeading:
    qualifiers = _items(heading, "meshQualifierList", "meshQualifier")
    return MeshHeading(
        descriptor=heading.get("descriptorName", ""),
        major=heading.get("majorTopic_YN") == "Y" or any(q.get("majorTopic_YN") == "Y" for q in qualifiers),
        qualifiers=tuple(q.get("qualifierName", "") for q in qualifiers),
    )


def _corrections(result: dict) -> Iterator[Correction]:
    """Europe PMC spells link types "Retraction in", "Erratum in": PubMed's names, spaced."""
    for link in _items(result, "commentCorrectionList", "commentCorrection"):
        ref_type = "".join(word[:1].upper() + word[1:] for word in str(link.get("type", "")).split())
        if ref_type in CORRECTION_TYPES:
            yield Correction(ref_type=ref_type, pmid=str(link.get("id", "")) if link.get("source") == "MED" else "",
                             source=link.get("reference", ""))


def _free_full_text(result: dict) -> str:
    """A free full-text link, HTML before PDF; Europe PMC's own page for open-access PMC papers."""
    links = [link for link in _items(result, "fullTextUrlList", "fullTextUrl")
             if link.get("availabilityCode") in ("F", "OA") and link.get("url")]
    links.sort(key=lambda link: link.get("documentStyle") != "html")
    if links:
        return links[0]["url"]
    if result.get("isOpenAccess") == "Y" and result.get("pmcid"):
        return f"https://europepmc.org/article/PMC/{result['pmcid']}"
    return ""
