"""What readers send us: feedback on a summary version, and contact messages."""

from django.db import models
from django.utils import timezone

from sciplain.papers.models import Summary


class Feedback(models.Model):
    summary = models.ForeignKey("papers.Summary", on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField()
    comment = models.TextField(blank=True, max_length=2000)
    voter = models.CharField(max_length=64, help_text="Salted hash of the reader's token; no personal data.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["summary", "voter"], name="feedback_one_vote")]
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{'Yes' if self.helpful else 'No'} on {self.summary_id}"


class ContactMessage(models.Model):
    name = models.CharField(max_length=200)
    email = models.EmailField()
    subject = models.CharField(max_length=200, blank=True)
    message = models.TextField(max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)
    handled = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name}: {self.subject or self.message[:40]}"


class SummaryHelpfulness(Summary):
    """Summaries seen through readers' votes: the editors' "Least helpful summaries" list in the admin.

    A proxy (no table of its own) so the list gets its own entry on the admin index.
    """

    class Meta:
        proxy = True
        verbose_name = "least helpful summary"
        verbose_name_plural = "least helpful summaries"


# The search index's tables (sciplain/web/search_index.py), imported so migrations see them.
from .search_index import SearchCategory, SearchDocument  # noqa: F401
