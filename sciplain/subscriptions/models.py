"""Email subscribers (double opt-in) and a record of every digest sent, so none is sent twice."""

from django.db import models
from django.utils import timezone


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Subscriber.Status.ACTIVE)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for confirmation"
        ACTIVE = "active", "Active"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"

    email = models.EmailField(unique=True)
    categories = models.ManyToManyField("papers.Category", blank=True, related_name="subscribers")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(
        null=True, blank=True, help_text="Last confirmation email; repeats within minutes are not re-sent."
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email


class DigestDelivery(models.Model):
    """One digest to one subscriber for one period; the unique key makes re-runs safe."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    period = models.CharField(max_length=20, help_text="ISO week, e.g. 2026-W48.")
    summaries = models.ManyToManyField("papers.Summary", blank=True)
    since = models.DateTimeField(null=True, blank=True, help_text="Summaries published after this…")
    until = models.DateTimeField(null=True, blank=True, help_text="…and up to this; the next digest starts here.")
    claimed_at = models.DateTimeField(
        null=True, blank=True, help_text="A run is sending this now; a stale claim (interrupted run) is taken over."
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscriber", "period"], name="digest_once_per_period")]
        verbose_name_plural = "digest deliveries"

    def __str__(self) -> str:
        return f"{self.period} to {self.subscriber_id}"
