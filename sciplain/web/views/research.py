"""Research pages: one per paper, the latest list, categories."""

import secrets

from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from sciplain import conf
from sciplain.papers.models import Category, Paper, Summary

from ..forms import FeedbackForm
from ..ratelimit import ratelimit, wants_json
from ..services import feedback_record
from .pages import categories_with_counts

READER_COOKIE = "sciplain_reader"


def _page(request, queryset):
    paginator = Paginator(queryset, conf.get("PAGE_SIZE"))
    return paginator.get_page(request.GET.get("page"))


def latest(request):
    papers = Paper.objects.published().newest_first()
    return render(request, "web/latest.html", {"page": _page(request, papers)})


def categories(request):
    return render(request, "web/categories.html", {"categories": categories_with_counts()})


def category(request, slug):
    cat = get_object_or_404(Category, slug=slug)
    papers = Paper.objects.published().filter(summaries__is_live=True, summaries__categories=cat).newest_first()
    return render(request, "web/category.html", {"category": cat, "page": _page(request, papers)})


def _visible_summary(request, paper) -> Summary:
    """Readers see the live version; editors see the newest one, so they can preview a draft."""
    if request.user.is_staff:
        summary = paper.current_summary
    else:
        summary = None if paper.retracted else paper.live_summary
    if summary is None:
        raise Http404("No published summary")
    return summary


def detail(request, slug):
    paper = get_object_or_404(Paper, slug=slug)
    summary = _visible_summary(request, paper)
    cats = list(summary.categories.all())
    return render(request, "web/research.html", {
        "paper": paper,
        "summary": summary,
        "s": summary.data,
        "categories": cats,
        "primary_category": cats[0] if cats else None,
        "feedback_form": FeedbackForm(),
        "voted": request.GET.get("voted"),
    })


FEEDBACK_SAVED = "Thank you. Your answer was saved."
FEEDBACK_INVALID = "Your answer was not saved. Please choose Yes or No."


def _feedback_version(paper, summary, version_id) -> Summary:
    """The version the reader was shown (it may have been replaced since), else the current one."""
    if version_id and version_id != summary.pk:
        shown = paper.summaries.filter(pk=version_id, status=Summary.Status.PUBLISHED).first()
        if shown is not None:
            return shown
    return summary


@require_http_methods(["GET", "POST"])
@ratelimit("feedback", limit=30, period=600, what="feedback")
def feedback(request, slug):
    """One vote per reader per summary version; a plain form post, or fetch() from site.js (JSON)."""
    paper = get_object_or_404(Paper, slug=slug)
    summary = _visible_summary(request, paper)
    if request.method != "POST":
        return redirect(paper.get_absolute_url())
    form = FeedbackForm(request.POST)
    token = request.COOKIES.get(READER_COOKIE) or secrets.token_urlsafe(24)
    ok = form.is_valid()
    if ok and not form.cleaned_data["website"]:  # a filled honeypot is answered as a success, and dropped
        feedback_record(summary=_feedback_version(paper, summary, form.cleaned_data["version"]),
                        helpful=form.cleaned_data["helpful"], comment=form.cleaned_data["comment"], token=token)
    if wants_json(request):
        response = JsonResponse({"ok": ok, "message": FEEDBACK_SAVED if ok else FEEDBACK_INVALID},
                                status=200 if ok else 400)
    else:
        response = redirect(f"{paper.get_absolute_url()}?voted={1 if ok else 0}#feedback")
    if ok:
        response.set_cookie(READER_COOKIE, token, max_age=365 * 24 * 3600, httponly=True, samesite="Lax",
                            secure=request.is_secure())
    return response
