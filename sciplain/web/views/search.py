"""The search page: a GET form, so every search is a link a reader can bookmark, share or go back to."""

from django.shortcuts import render

from sciplain.papers.models import Category
from sciplain.summarize.evidence import DESIGN_LEVEL, EVIDENCE_SCALE

from ..search import KINDS, SORTS, filters_from, search_papers


def _page_number(value) -> int:
    value = (value or "").strip()
    return int(value) if value.isdigit() and len(value) < 6 else 1


def search(request):
    query = request.GET.get("q", "")
    filters = filters_from(request.GET)
    sort = request.GET.get("sort", "relevance")
    searched = bool(query.strip()) or filters.active
    results = search_papers(query=query, filters=filters, sort=sort, page=_page_number(request.GET.get("page")))
    return render(request, "web/search.html", {
        "results": results,
        "searched": searched,
        "categories": Category.objects.all(),
        "designs": sorted(DESIGN_LEVEL),
        "levels": EVIDENCE_SCALE,
        "kinds": KINDS,
        "sorts": SORTS,
    })
