"""Fixed pages: home, about, evidence levels, disclaimer, contact, errors."""

from django.db.models import Count, Q
from django.shortcuts import render

from sciplain.papers.models import Category, Paper
from sciplain.summarize.evidence import EVIDENCE_SCALE, designs_by_level

from ..forms import ContactForm
from ..ratelimit import ratelimit
from ..services import contact_message_send


def categories_with_counts():
    published = Q(summaries__is_live=True, summaries__paper__retracted=False)
    return Category.objects.annotate(paper_count=Count("summaries", filter=published, distinct=True))


def _scale_rows() -> list[tuple[str, str, str, list[str]]]:
    """Each evidence level with its meaning and the study designs that get it."""
    designs = designs_by_level()
    return [(level, label, meaning, designs[level]) for level, label, meaning in EVIDENCE_SCALE]


def home(request):
    latest = Paper.objects.published().newest_first().prefetch_related("summaries")[:6]
    return render(request, "web/home.html", {"latest": latest, "categories": categories_with_counts()})


def about(request):
    return render(request, "web/about.html", {"scale": _scale_rows()})


def evidence_levels(request):
    return render(request, "web/evidence.html", {"scale": _scale_rows()})


def disclaimer(request):
    return render(request, "web/disclaimer.html")


@ratelimit("contact", limit=5, period=3600, what="the contact form", keep_field="message")
def contact(request):
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not data["website"]:
            contact_message_send(name=data["name"], email=data["email"], subject=data["subject"],
                                 message=data["message"])
        return render(request, "web/contact_thanks.html", {"name": data["name"]})
    return render(request, "web/contact.html", {"form": form}, status=400 if form.errors else 200)


def not_found(request, exception=None):
    return render(request, "web/404.html", status=404)


def server_error(request):
    return render(request, "web/500.html", status=500)
