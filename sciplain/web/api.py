"""The public read-only JSON API, version 1: papers with their published summaries, categories, search.

Built on django-ninja, so the OpenAPI 3 schema (``/api/v1/openapi.json``) is generated
from the same pydantic models the responses are validated against; a summary is the
summary engine's own ``sciplain.summarize.types.Summary``. Every answer carries
``Access-Control-Allow-Origin: *`` (anyone may build on the data, from any page) and
each address may ask ``API_RATE_LIMIT`` times a minute (429 with Retry-After beyond).
Only published summaries of papers that were not retracted are ever returned.
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Generic, Literal, TypeVar

from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError
from pydantic import Field

from sciplain import conf
from sciplain.papers.models import Category, Paper, Summary
from sciplain.summarize.types import Summary as SummaryData

from .ratelimit import client_ip, hit
from .search import SearchFilters, search_papers
from .templatetags.sciplain import MARKERS, design_kind

API_RATE_LIMIT = 120  # requests per address per minute
API_RATE_PERIOD = 60
MAX_PER_PAGE = 100
CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
        "Access-Control-Max-Age": "86400"}

T = TypeVar("T")


class CategoryRef(Schema):
    slug: str
    name: str
    url: str


class CategoryOut(CategoryRef):
    description: str
    paper_count: int = Field(description="Published summaries in this category.")


class StudyKind(Schema):
    code: Literal["human", "animal", "lab", "review", "other"]
    label: str = Field(description='What readers see on the site, e.g. "Tested in people".')


class PaperOut(Schema):
    slug: str
    url: str = Field(description="The plain-language summary page on this site.")
    title: str
    journal: str
    year: int | None
    pub_date: str = Field(description="Publication date as printed by the journal.")
    authors: list[str]
    doi: str | None
    pmid: str | None
    pmcid: str
    pubmed_url: str
    doi_url: str
    free_full_text_url: str
    categories: list[CategoryRef]
    study_kind: StudyKind
    summary_version: int
    published_at: datetime | None
    summary: SummaryData


class SearchHitOut(Schema):
    paper: PaperOut
    title_html: str = Field(description="The title, HTML-escaped, with matched words in <mark>.")
    snippet_html: str = Field(description="A plain-language excerpt, HTML-escaped, with matched words in <mark>.")


class Page(Schema, Generic[T]):
    count: int
    page: int
    per_page: int
    pages: int
    next: str | None = Field(description="URL of the next page, if any.")
    previous: str | None
    results: list[T]


class SearchPage(Page[SearchHitOut]):
    query: str
    suggestions: list[str] = Field(description="Broader searches that do find something, when nothing matched.")


class Error(Schema):
    detail: str


class PaperFilters(Schema):
    category: str = Field("", description="Category slug.")
    kind: Literal["", "human", "animal", "lab", "review"] = Field(
        "", description="human (tested in people), animal, lab or review.")
    design: str = Field("", description='Study design, e.g. "randomized controlled trial".')
    evidence: str = Field("", description='Evidence level: "1" to "5", "preclinical", "no-results" or "no-studies".')
    year_from: int | None = Field(None, ge=1800, le=2200)
    year_to: int | None = Field(None, ge=1800, le=2200)
    page: int = Field(1, ge=1, le=10_000)
    per_page: int = Field(20, ge=1, le=MAX_PER_PAGE)

    def search_filters(self) -> SearchFilters:
        return SearchFilters(category=self.category, kind=self.kind, design=self.design, evidence=self.evidence,
                             year_from=self.year_from, year_to=self.year_to)


class SearchParams(PaperFilters):
    q: str = Field("", max_length=10_000, description="Words to search for; quotes keep a phrase together.")
    sort: Literal["relevance", "date"] = "relevance"


class PublicAPI(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None) -> HttpResponse:
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        for name, value in CORS.items():
            response[name] = value
        return response


api = PublicAPI(
    title="sciplain public API",
    version="1",
    description="Read-only access to the published plain-language summaries of spinal cord injury research. "
                "No key needed; please keep to about two requests a second.",
    urls_namespace="api_v1",
    docs_url=None,  # the human docs page is ours (web:api_docs): Swagger UI would load third-party code
    openapi_url=None,  # served by openapi_json below, with the same CORS header
)


def rate_limited(view):
    """Count every request per address; beyond the limit answer 429 with Retry-After (and CORS)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        retry_after = hit(scope="api", key=client_ip(request), limit=API_RATE_LIMIT, period=API_RATE_PERIOD)
        if retry_after:
            response = JsonResponse({"detail": f"Too many requests. Try again in {retry_after} seconds."},
                                    status=429)
            response["Retry-After"] = str(retry_after)
            for name, value in CORS.items():
                response[name] = value
            return response
        return view(request, *args, **kwargs)

    return wrapped


api.add_decorator(rate_limited, mode="view")


def _absolute(path: str) -> str:
    return conf.get("SITE_URL").rstrip("/") + path


def _category_ref(c: Category) -> CategoryRef:
    return CategoryRef(slug=c.slug, name=c.name, url=_absolute(c.get_absolute_url()))


def _paper_out(paper: Paper, summary: Summary) -> PaperOut:
    kind = design_kind(summary.study_design or summary.data.study_design)
    return PaperOut(
        slug=paper.slug, url=_absolute(paper.get_absolute_url()), title=paper.title, journal=paper.journal,
        year=paper.year, pub_date=paper.pub_date, authors=paper.author_names, doi=paper.doi, pmid=paper.pmid,
        pmcid=paper.pmcid, pubmed_url=paper.pubmed_url, doi_url=paper.doi_url,
        free_full_text_url=paper.free_full_text_url,
        categories=[_category_ref(c) for c in summary.categories.all()],
        study_kind=StudyKind(code=kind, label=MARKERS[kind][0]),
        summary_version=summary.version, published_at=summary.published_at, summary=summary.data,
    )


def _page_links(request: HttpRequest, page: int, pages: int) -> tuple[str | None, str | None]:
    def link(n: int) -> str:
        params = request.GET.copy()
        params["page"] = str(n)
        return _absolute(request.path) + "?" + params.urlencode()

    return (link(page + 1) if page < pages else None), (link(page - 1) if page > 1 else None)


def _published_with_summaries():
    current = Prefetch("summaries", queryset=Summary.objects.published().prefetch_related("categories"),
                       to_attr="published_summaries")
    return Paper.objects.published().prefetch_related(current)


@api.get("/papers", response=Page[PaperOut], summary="List papers with a published summary, newest first",
         tags=["papers"])
def list_papers(request, filters: Query[PaperFilters]):
    results = search_papers(query="", filters=filters.search_filters(), sort="date", page=filters.page,
                            per_page=filters.per_page)
    next_url, previous_url = _page_links(request, results.page, results.pages)
    return Page[PaperOut](count=results.total, page=results.page, per_page=results.per_page, pages=results.pages,
                          next=next_url, previous=previous_url,
                          results=[_paper_out(h.paper, h.summary) for h in results.hits])


@api.get("/papers/{slug}", response={200: PaperOut, 404: Error}, summary="One paper and its published summary",
         tags=["papers"])
def get_paper(request, slug: str):
    paper = _published_with_summaries().filter(Q(slug=slug) | Q(pmid=slug)).first()
    if paper is None or not paper.published_summaries:
        raise HttpError(404, "No published summary for that paper.")
    return _paper_out(paper, paper.published_summaries[0])


@api.get("/categories", response=list[CategoryOut], summary="Every category, with its count of published papers",
         tags=["categories"])
def list_categories(request):
    published = Q(summaries__is_live=True, summaries__paper__retracted=False)
    cats = Category.objects.annotate(paper_count=Count("summaries", filter=published, distinct=True))
    return [CategoryOut(slug=c.slug, name=c.name, url=_absolute(c.get_absolute_url()), description=c.description,
                        paper_count=c.paper_count) for c in cats]


@api.get("/search", response=SearchPage, summary="Full-text search of the published summaries", tags=["search"])
def search(request, params: Query[SearchParams]):
    results = search_papers(query=params.q, filters=params.search_filters(), sort=params.sort, page=params.page,
                            per_page=params.per_page)
    next_url, previous_url = _page_links(request, results.page, results.pages)
    return SearchPage(
        query=results.query.text, count=results.total, page=results.page, per_page=results.per_page,
        pages=results.pages, next=next_url, previous=previous_url,
        results=[SearchHitOut(paper=_paper_out(h.paper, h.summary), title_html=str(h.title_html),
                              snippet_html=str(h.snippet_html)) for h in results.hits],
        suggestions=[s.query for s in results.suggestions],
    )


def openapi_schema() -> dict:
    return api.get_openapi_schema(path_prefix=reverse("web:api_docs").rstrip("/") + "/")


@rate_limited
def openapi_json(request):
    response = JsonResponse(openapi_schema(), json_dumps_params={"indent": 2})
    for name, value in CORS.items():
        response[name] = value
    return response
