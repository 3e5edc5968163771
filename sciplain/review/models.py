"""The editors' records: what was decided about a summary, and what the summary jobs did.

``ReviewEvent`` is the audit trail of decisions (publish, reject with a reason,
regenerate); the text of every version stays in ``papers.Summary`` itself.
``SummaryJob`` is the claim that makes "summarize paper N" safe to run twice: one row
per paper, taken and released by compare-and-swap on ``token`` (see ``review.claims``),
and where a job that kept failing leaves its error for editors to see.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from sciplain.papers.models import Paper, Summary


class ReviewQueue(Summary):
    """Current summaries waiting for an editor (a proxy: its own admin screen, no table)."""

    class Meta:
        proxy = True
        verbose_name = "summary to review"
        verbose_name_plural = "review queue"


class ReviewEvent(models.Model):
    class Action(models.TextChoices):
        EDITED = "edited", "Edited"
        PUBLISHED = "published", "Published"
        REJECTED = "rejected", "Rejected"
        REGENERATED = "regenerated", "Regenerated"

    summary = models.ForeignKey(Summary, on_delete=models.CASCADE, related_name="review_events")
    action = models.CharField(max_length=20, choices=Action.choices)
    reason = models.TextField(blank=True)
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} v{self.summary.version} by {self.editor or 'the system'}"


class SummaryJob(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    paper = models.OneToOneField(Paper, on_delete=models.CASCADE, related_name="summary_job")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RUNNING, db_index=True)
    token = models.CharField(max_length=40, help_text="Who holds the claim (changes on every claim).")
    worker = models.CharField(max_length=200, blank=True)
    backend = models.CharField(max_length=60, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    claimed_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-claimed_at"]

    def __str__(self) -> str:
        return f"summarize {self.paper_id}: {self.status}"
