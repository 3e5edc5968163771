"""The editor's review screens.

* Review queue: current summaries waiting for an editor, with the checks' reasons
  (code and message), filterable by check code; bulk publish, reject, regenerate.
* Summary change page: the paper's abstract with each key finding's source sentences
  highlighted, beside the edit form; publish / reject (with a reason) / regenerate
  (with a chosen backend); every save is a new version, and the history shows who
  changed what, when, with a diff of each version against the one before.
* Summary jobs: background summarize jobs that failed, with their error.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from sciplain.papers.models import Summary

from .display import abstract_with_findings, version_history
from .forms import SummaryEditForm
from .models import ReviewEvent, ReviewQueue, SummaryJob
from .services import (
    PublishRefused,
    RejectRefused,
    summary_edit,
    summary_publish,
    summary_regenerate,
    summary_reject,
)


def backend_choices() -> list[tuple[str, str]]:
    try:
        from sciplain.summarize.backends import SUMMARY_BACKENDS
    except ImportError:
        return [("", "default")]
    return [("", "default backend")] + [(name, name) for name in sorted(SUMMARY_BACKENDS)]


class ReviewActionForm(ActionForm):
    reason = forms.CharField(required=False, label="Reason (for reject)",
                             widget=forms.TextInput(attrs={"size": 40}))
    backend = forms.ChoiceField(required=False, label="Backend (for regenerate)", choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["backend"].choices = backend_choices()


class CheckCodeFilter(admin.SimpleListFilter):
    """Filter by the code of a check that fired (F001 number not in source …)."""

    title = "check"
    parameter_name = "check"

    def lookups(self, request, model_admin):
        counts: dict[str, int] = {}
        for content in model_admin.get_queryset(request).values_list("content", flat=True):
            for code in {c.get("code", "") for c in (content or {}).get("checks", [])}:
                counts[code] = counts.get(code, 0) + 1
        return [(code, f"{code} ({n})") for code, n in sorted(counts.items()) if code]

    def queryset(self, request, queryset):
        code = self.value()
        if not code:
            return queryset
        ids = [pk for pk, content in queryset.values_list("pk", "content")
               if any(c.get("code") == code for c in (content or {}).get("checks", []))]
        return queryset.filter(pk__in=ids)


class ReviewActionsMixin:
    """Bulk actions shared by the queue and the full list of summaries."""

    action_form = ReviewActionForm
    actions = ["publish_selected", "reject_selected", "regenerate_selected"]

    @admin.action(description="Approve and publish selected summaries", permissions=["change"])
    def publish_selected(self, request, queryset):
        published = 0
        for summary in queryset.select_related("paper"):
            try:
                summary_publish(summary=summary, editor=request.user)
                published += 1
            except PublishRefused as exc:
                self.message_user(request, str(exc), messages.ERROR)
        self.message_user(request, f"Published {published} summaries.")

    @admin.action(description="Reject selected summaries (give a reason)", permissions=["change"])
    def reject_selected(self, request, queryset):
        reason = request.POST.get("reason", "")
        if not reason.strip():
            self.message_user(request, "Nothing rejected: write the reason in the Reason box.", messages.ERROR)
            return
        for summary in queryset.select_related("paper"):
            summary_reject(summary=summary, editor=request.user, reason=reason)
        self.message_user(request, f"Rejected {queryset.count()} summaries.")

    @admin.action(description="Regenerate selected summaries (with the chosen backend)", permissions=["change"])
    def regenerate_selected(self, request, queryset):
        backend = request.POST.get("backend") or None
        done = 0
        for summary in list(queryset.select_related("paper")):
            try:
                summary_regenerate(summary=summary, editor=request.user, backend=backend)
                done += 1
            except Exception as exc:  # noqa: BLE001 - report each paper's failure, go on with the rest
                self.message_user(request, f"{summary.paper}: {exc}", messages.ERROR)
        self.message_user(request, f"Regenerated {done} summaries; the new versions wait for review.")


def _reasons(summary: Summary):
    checks = summary.data.checks
    if not checks:
        return "—"
    return format_html_join(mark_safe("<br>"), '<span class="check-{}"><b>{}</b> {}</span>',
                            ((c.severity, c.code, c.message) for c in checks))


@admin.register(Summary)
class SummaryAdmin(ReviewActionsMixin, admin.ModelAdmin):
    form = SummaryEditForm
    change_form_template = "admin/review/summary_change_form.html"
    list_display = ["paper", "version", "status", "is_current", "study_design", "fkgl", "passed_checks", "created_at"]
    list_filter = ["status", "is_current", "passed_checks", CheckCodeFilter, "study_design"]
    search_fields = ["paper__title", "paper__pmid"]
    fieldsets = [
        (None, {"fields": ["paper", "status"]}),
        ("Summary", {"fields": ["simple_explanation", "study_duration", "participants", "study_design", "evidence",
                                "key_findings", "research_summary", "practical_implications", "limitations",
                                "categories"]}),
        ("History", {"fields": ["change_note"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("paper")

    def save_model(self, request, obj, form, change):
        """Every save is a new version (the edited one stays in the history)."""
        new = summary_edit(paper=form.cleaned_data["paper"] if not change else obj.paper,
                           data=form.summary_data(), editor=request.user,
                           status=form.cleaned_data["status"], note=form.cleaned_data["change_note"])
        obj.pk, obj.version, obj.is_current = new.pk, new.version, True

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        if "_continue" in request.POST:  # go on editing the new version, not the one it replaced
            return HttpResponseRedirect(reverse("admin:papers_summary_change", args=[obj.pk]))
        return response

    def save_related(self, request, form, formsets, change):
        form.instance = Summary.objects.get(pk=form.instance.pk)
        super().save_related(request, form, formsets, change)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [path("<path:object_id>/decide/", self.admin_site.admin_view(self.decide_view),
                     name="{}_{}_decide".format(*info))] + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        summary = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if summary is not None:
            extra.update({
                "summary": summary,
                "reasons": summary.data.checks,
                "abstract": abstract_with_findings(summary.paper, summary.data),
                "findings": summary.data.key_findings,
                "history": version_history(summary.paper),
                "backends": backend_choices(),
                "decide_url": reverse("admin:papers_summary_decide", args=[summary.pk]),
                "public_url": summary.paper.get_absolute_url(),
            })
        return super().change_view(request, object_id, form_url, extra)

    def decide_view(self, request, object_id):
        """One editor decision from the change page: publish, reject (with a reason) or regenerate."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        summary = get_object_or_404(Summary.objects.select_related("paper"), pk=object_id)
        if not self.has_change_permission(request, summary):
            raise PermissionDenied
        decision, target = request.POST.get("decision"), summary
        try:
            if decision in ("publish", "reject") and not summary.is_current:
                current = summary.paper.summaries.get(is_current=True)
                self.message_user(request, f"Version {summary.version} is not the current version; "
                                           f"this is version {current.version}.", messages.ERROR)
                target = current
            elif decision == "publish":
                summary_publish(summary=summary, editor=request.user)
                self.message_user(request, f"Published version {summary.version}.")
            elif decision == "reject":
                summary_reject(summary=summary, editor=request.user, reason=request.POST.get("reason", ""))
                self.message_user(request, f"Rejected version {summary.version}.")
            elif decision == "regenerate":
                target = summary_regenerate(summary=summary, editor=request.user,
                                            backend=request.POST.get("backend") or None)
                self.message_user(request, f"Wrote version {target.version} with the {target.backend} backend.")
            else:
                self.message_user(request, "Unknown decision.", messages.ERROR)
        except (PublishRefused, RejectRefused, RuntimeError) as exc:
            self.message_user(request, str(exc), messages.ERROR)
        return HttpResponseRedirect(reverse("admin:papers_summary_change", args=[target.pk]))


@admin.register(ReviewQueue)
class ReviewQueueAdmin(ReviewActionsMixin, admin.ModelAdmin):
    """Current summaries that need an editor, oldest first, with the reasons the checks gave."""

    list_display = ["summary_link", "version", "reasons", "study_design", "fkgl", "created_at"]
    list_display_links = None
    list_filter = [CheckCodeFilter, "study_design"]
    search_fields = ["paper__title", "paper__pmid"]
    ordering = ["created_at", "pk"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(is_current=True, status=Summary.Status.NEEDS_REVIEW
                                                    ).select_related("paper")

    def has_add_permission(self, request):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return HttpResponseRedirect(reverse("admin:papers_summary_change", args=[object_id]))

    @admin.display(description="paper")
    def summary_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("admin:papers_summary_change", args=[obj.pk]), obj.paper)

    @admin.display(description="reasons")
    def reasons(self, obj):
        return _reasons(obj)


@admin.register(SummaryJob)
class SummaryJobAdmin(admin.ModelAdmin):
    list_display = ["paper", "status", "attempts", "backend", "worker", "claimed_at", "finished_at", "short_error"]
    list_filter = ["status", "backend"]
    search_fields = ["paper__title", "paper__pmid", "error"]
    readonly_fields = ["paper", "status", "token", "worker", "backend", "attempts", "claimed_at", "finished_at",
                       "error"]
    actions = ["retry_selected"]

    def has_add_permission(self, request):
        return False

    @admin.display(description="error")
    def short_error(self, obj):
        return obj.error[:120]

    @admin.action(description="Summarize the selected papers again now", permissions=["change"])
    def retry_selected(self, request, queryset):
        from sciplain.jobs import job_summarize_paper

        outcomes: dict[str, int] = {}
        for job in queryset:
            try:
                outcome = job_summarize_paper(job.paper_id, backend=job.backend or None)
            except Exception as exc:  # noqa: BLE001 - recorded on the row
                outcome = "failed"
                self.message_user(request, f"{job.paper}: {exc}", messages.ERROR)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        self.message_user(request, ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())) or "Nothing to do.")


@admin.register(ReviewEvent)
class ReviewEventAdmin(admin.ModelAdmin):
    list_display = ["at", "action", "summary", "editor", "reason"]
    list_filter = ["action"]
    readonly_fields = ["summary", "action", "reason", "editor", "at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
