"""The editor's review screens: summaries with status filters, versioned edits and publish actions."""

from django.contrib import admin, messages

from sciplain.papers.models import Summary

from .forms import SummaryEditForm
from .services import PublishRefused, summary_edit, summary_publish


@admin.register(Summary)
class SummaryAdmin(admin.ModelAdmin):
    form = SummaryEditForm
    list_display = ["paper", "version", "status", "is_current", "study_design", "fkgl", "passed_checks", "created_at"]
    list_filter = ["status", "is_current", "passed_checks", "study_design"]
    search_fields = ["paper__title", "paper__pmid"]
    actions = ["publish_selected"]
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

    def save_related(self, request, form, formsets, change):
        form.instance = Summary.objects.get(pk=form.instance.pk)
        super().save_related(request, form, formsets, change)

    @admin.action(description="Publish selected summaries")
    def publish_selected(self, request, queryset):
        published = 0
        for summary in queryset.select_related("paper"):
            try:
                summary_publish(summary=summary, editor=request.user)
                published += 1
            except PublishRefused as exc:
                self.message_user(request, str(exc), messages.ERROR)
        self.message_user(request, f"Published {published} summaries.")
