"""What machines fetch: robots.txt, and the citation files of a research page (.bib, .ris)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_GET

from sciplain import conf
from sciplain.papers.models import Paper

from .. import citations


@require_GET
def robots_txt(request):
    site = conf.get("SITE_URL").rstrip("/")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /subscribe/confirm/",
        "Disallow: /subscribe/manage/",
        "Disallow: /subscribe/unsubscribe/",
        "",
        f"Sitemap: {site}{reverse('sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def _citation_file(slug: str, body: str, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug[:80]}.{extension}"'
    return response


@require_GET
def cite_bib(request, slug):
    paper = get_object_or_404(Paper.objects.published(), slug=slug)
    return _citation_file(paper.slug, citations.bibtex(paper), "application/x-bibtex", "bib")


@require_GET
def cite_ris(request, slug):
    paper = get_object_or_404(Paper.objects.published(), slug=slug)
    return _citation_file(paper.slug, citations.ris(paper), "application/x-research-info-systems", "ris")
