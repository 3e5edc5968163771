"""Editors' view of what readers send: votes and comments, the least helpful summaries, messages."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from .models import ContactMessage, Feedback, SummaryHelpfulness
from .services import summaries_by_helpfulness

MIN_VOTES_DEFAULT = 3


class HasCommentFilter(admin.SimpleListFilter):
    title = "comment"
    parameter_name = "has_comment"

    def lookups(self, request, model_admin):
        return [("yes", "With a comment"), ("no", "Without a comment")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(comment="")
        if self.value() == "no":
            return queryset.filter(comment="")
        return queryset


class CurrentVersionFilter(admin.SimpleListFilter):
    title = "summary version"
    parameter_name = "current"

    def lookups(self, request, model_admin):
        return [("yes", "Current version"), ("no", "Older versions")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(summary__is_current=self.value() == "yes")
        return queryset


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["paper_title", "version", "helpful", "comment", "created_at"]
    list_filter = ["helpful", HasCommentFilter, CurrentVersionFilter, "summary__categories", "created_at"]
    list_select_related = ["summary__paper"]
    search_fields = ["comment", "summary__paper__title", "summary__paper__pmid"]
    date_hierarchy = "created_at"
    readonly_fields = ["summary", "helpful", "comment", "voter", "created_at"]

    @admin.display(description="paper", ordering="summary__paper__title")
    def paper_title(self, obj):
        return str(obj.summary.paper)

    @admin.display(description="version", ordering="summary__version")
    def version(self, obj):
        return obj.summary.version

    def has_add_permission(self, request):
        return False  # votes come from readers only


class MinVotesFilter(admin.SimpleListFilter):
    title = "minimum votes"
    parameter_name = "min_votes"

    def lookups(self, request, model_admin):
        return [("1", "At least 1"), (str(MIN_VOTES_DEFAULT), f"At least {MIN_VOTES_DEFAULT}"), ("10", "At least 10")]

    def choices(self, changelist):
        # Show the default as selected when no choice was made (the list applies it anyway).
        for choice in super().choices(changelist):
            if choice["display"] == "All":
                continue
            if self.value() is None and choice.get("query_string", "").endswith(f"={MIN_VOTES_DEFAULT}"):
                choice["selected"] = True
            yield choice

    def queryset(self, request, queryset):
        return queryset  # applied in get_queryset, where the vote counts are annotated


@admin.register(SummaryHelpfulness)
class SummaryHelpfulnessAdmin(admin.ModelAdmin):
    """Summaries ordered by the share of readers who found them helpful, least helpful first."""

    list_display = ["paper_link", "version", "status", "votes_yes_col", "votes_no_col", "votes_col",
                    "helpful_pct", "comments_link"]
    list_filter = [MinVotesFilter, "is_current", "status", "categories"]
    search_fields = ["paper__title", "paper__pmid"]
    list_per_page = 50

    def get_queryset(self, request):
        try:
            min_votes = int(request.GET.get("min_votes", MIN_VOTES_DEFAULT))
        except ValueError:
            min_votes = MIN_VOTES_DEFAULT
        # Not super(): it would order by get_ordering() before the annotations exist.
        summaries = self.model._default_manager.select_related("paper")
        return summaries_by_helpfulness(summaries, min_votes=min_votes)

    def get_ordering(self, request):
        # Annotations, so not in ``ordering`` (the admin checks only model fields there).
        return ["helpful_share", "-votes", "pk"]

    @admin.display(description="paper")
    def paper_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.paper.get_absolute_url(), str(obj.paper))

    @admin.display(description="yes", ordering="votes_yes")
    def votes_yes_col(self, obj):
        return obj.votes_yes

    @admin.display(description="no", ordering="votes_no")
    def votes_no_col(self, obj):
        return obj.votes_no

    @admin.display(description="votes", ordering="votes")
    def votes_col(self, obj):
        return obj.votes

    @admin.display(description="helpful", ordering="helpful_share")
    def helpful_pct(self, obj):
        return f"{round(obj.helpful_share * 100)}%"

    @admin.display(description="comments")
    def comments_link(self, obj):
        url = reverse("admin:web_feedback_changelist") + f"?summary__id__exact={obj.pk}&has_comment=yes"
        return format_html('<a href="{}">Read comments</a>', url)

    def get_list_display_links(self, request, list_display):
        return None  # rows are not editable here; edit summaries in the review screens

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "subject", "created_at", "handled"]
    list_filter = ["handled", "created_at"]
    list_editable = ["handled"]
    search_fields = ["name", "email", "subject", "message"]
    date_hierarchy = "created_at"
