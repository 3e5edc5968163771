"""Subscriptions: sign-up now; confirmation, digests and unsubscribing build on these."""

from __future__ import annotations

from .models import Subscriber


def subscriber_signup(*, email: str, categories=()) -> Subscriber:
    """Record a sign-up as pending (idempotent on the address); never reveals whether it existed."""
    subscriber, _ = Subscriber.objects.get_or_create(email=email.strip().lower())
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        subscriber.status = Subscriber.Status.PENDING
        subscriber.save(update_fields=["status"])
    subscriber.categories.set(categories)
    return subscriber
