"""Subscriptions: double opt-in sign-up, preferences, unsubscribing and the weekly digest.

Every email goes through :func:`_send`, which adds the one-click unsubscribe link and
the RFC 8058 headers, so no email we send can lack them.

Digests are sent at most once per subscriber and ISO week. A ``DigestDelivery`` row is
created first (the unique key stops a second row), then *claimed* with one conditional
UPDATE, then sent, then marked sent. Two runs at once cannot both claim a row; a run
that dies between claim and "sent" leaves a claim that goes stale after
``CLAIM_LEASE`` and is taken over by the next run, which re-sends only that one.
A single UPDATE works the same on SQLite and PostgreSQL and, unlike
``select_for_update`` around the SMTP call, never holds a database lock while talking
to the mail server.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import datetime, timedelta
from typing import Literal

from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.template.loader import render_to_string
from django.utils import timezone

from sciplain import conf
from sciplain.papers.models import Summary

from . import tokens
from .models import DigestDelivery, Subscriber

log = logging.getLogger(__name__)

CONFIRM_RESEND_AFTER = timedelta(minutes=5)  # a double-click or a bot cannot mail-bomb an address
DIGEST_LOOKBACK = timedelta(days=7)  # a first digest covers the past week
DIGEST_MAX_LOOKBACK = timedelta(days=28)  # after a long pause (or re-subscribing), at most four weeks
DIGEST_MAX_ITEMS = 30
CLAIM_LEASE = timedelta(minutes=15)

DigestOutcome = Literal["sent", "empty", "already_sent", "busy"]


# -- email ---------------------------------------------------------------------------------


def _send(*, subscriber: Subscriber, template: str, subject: str, context: dict) -> None:
    """Render ``emails/<template>.txt`` and ``.html`` and send both, with unsubscribe headers."""
    unsubscribe = tokens.unsubscribe_url(subscriber)
    context = {
        "SITE_NAME": conf.get("SITE_NAME"),
        "SITE_URL": conf.get("SITE_URL").rstrip("/"),
        "subscriber": subscriber,
        "unsubscribe_url": unsubscribe,
        "manage_url": tokens.manage_url(subscriber),
        **context,
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"emails/{template}.txt", context),
        from_email=conf.get("FROM_EMAIL"),
        to=[subscriber.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",  # RFC 8058
        },
    )
    message.attach_alternative(render_to_string(f"emails/{template}.html", context), "text/html")
    message.send()


# -- sign-up, confirmation, preferences ------------------------------------------------------


def subscriber_signup(*, email: str, categories=()) -> Subscriber:
    """Record a sign-up and email a confirmation link; the answer never reveals whether it existed.

    A new, pending or unsubscribed address becomes pending with the chosen topics. An
    active one keeps its topics (a stranger must not change them) and is sent a link to
    its preferences instead. Repeats within ``CONFIRM_RESEND_AFTER`` send nothing.
    """
    now = timezone.now()
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.select_for_update().get_or_create(email=email.strip().lower())
        already_active = subscriber.status == Subscriber.Status.ACTIVE
        if not already_active:
            subscriber.status = Subscriber.Status.PENDING
            subscriber.categories.set(categories)
        recently_sent = subscriber.confirmation_sent_at and now - subscriber.confirmation_sent_at < CONFIRM_RESEND_AFTER
        previous_sent_at = subscriber.confirmation_sent_at
        if not recently_sent:
            subscriber.confirmation_sent_at = now
        subscriber.save(update_fields=["status", "confirmation_sent_at"])
    if recently_sent:
        return subscriber
    site = conf.get("SITE_NAME")
    try:
        if already_active:
            _send(subscriber=subscriber, template="already_subscribed",
                  subject=f"You are already subscribed to {site}", context={})
        else:
            _send(subscriber=subscriber, template="confirm", subject=f"Please confirm your subscription to {site}",
                  context={"confirm_url": tokens.confirm_url(subscriber),
                           "expires_days": tokens.CONFIRM_MAX_AGE.days})
    except Exception:
        # Let the reader try again at once rather than wait out the resend pause.
        Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=previous_sent_at)
        raise
    return subscriber


def _subscriber_for(data: dict) -> Subscriber | None:
    subscriber = Subscriber.objects.filter(pk=data.get("id")).first()
    if subscriber is None or tokens.email_digest(subscriber.email) != data.get("e"):
        return None
    return subscriber


def subscriber_confirm(*, token: str) -> Subscriber:
    """Activate the subscriber a confirmation link names; raises ``tokens.BadToken``."""
    subscriber = _subscriber_for(tokens.read_confirm_token(token))
    if subscriber is None:
        raise tokens.BadToken("This confirmation link is not valid.")
    if subscriber.status != Subscriber.Status.ACTIVE:
        subscriber.status = Subscriber.Status.ACTIVE
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
    return subscriber


def subscriber_from_manage_token(*, token: str) -> Subscriber:
    """The subscriber a manage or unsubscribe link names; raises ``tokens.BadToken``."""
    subscriber = _subscriber_for(tokens.read_manage_token(token))
    if subscriber is None:
        raise tokens.BadToken("This link is not valid.")
    return subscriber


def subscriber_unsubscribe(*, subscriber: Subscriber) -> Subscriber:
    """Stop all email to this address (idempotent; the address is kept so it stays stopped)."""
    if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
    return subscriber


def subscriber_update(*, subscriber: Subscriber, categories, resubscribe: bool = False) -> Subscriber:
    """Change topics from the preferences page; its signed link proves the mailbox, so it may resubscribe."""
    subscriber.categories.set(categories)
    if resubscribe and subscriber.status != Subscriber.Status.ACTIVE:
        subscriber.status = Subscriber.Status.ACTIVE
        subscriber.confirmed_at = subscriber.confirmed_at or timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
    return subscriber


# -- digests -----------------------------------------------------------------------------------


def digest_period(now: datetime) -> str:
    year, week, _ = now.isocalendar()
    return f"{year}-W{week:02d}"


def digest_since(*, subscriber: Subscriber, now: datetime) -> datetime:
    """Where this subscriber's next digest starts: the end of their last one, or a week ago."""
    last = subscriber.deliveries.filter(sent_at__isnull=False).aggregate(last=Max("until"))["last"]
    return max(last or now - DIGEST_LOOKBACK, now - DIGEST_MAX_LOOKBACK)


def digest_summaries(*, subscriber: Subscriber, since: datetime, until: datetime):
    """Summaries first published in (since, until] in the subscriber's topics (all topics if none).

    A new version of a paper that was already published before ``since`` is an update,
    not news, and is left out.
    """
    earlier = Summary.objects.filter(
        paper=OuterRef("paper"), version__lt=OuterRef("version"), published_at__lte=since
    )
    summaries = (
        Summary.objects.published()
        .filter(published_at__gt=since, published_at__lte=until)
        .exclude(Exists(earlier))
    )
    topics = list(subscriber.categories.all())
    if topics:
        summaries = summaries.filter(categories__in=topics).distinct()
    return summaries.select_related("paper").order_by("-published_at", "-pk")


def _claim(delivery: DigestDelivery) -> bool:
    now = timezone.now()
    return DigestDelivery.objects.filter(pk=delivery.pk, sent_at__isnull=True).filter(
        Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_LEASE)
    ).update(claimed_at=now) == 1


def digest_send(*, subscriber: Subscriber, since: datetime, now: datetime | None = None) -> DigestOutcome:
    """Send this week's digest to one subscriber, at most once.

    The summaries are fixed when the week's delivery row is created; a run that resumes
    an interrupted delivery re-sends exactly those (``since`` is then not used).
    """
    now = now or timezone.now()
    period = digest_period(now)
    delivery = DigestDelivery.objects.filter(subscriber=subscriber, period=period).first()
    if delivery is None:
        summaries = list(digest_summaries(subscriber=subscriber, since=since, until=now)[:DIGEST_MAX_ITEMS])
        if not summaries:
            return "empty"
        try:
            with transaction.atomic():
                delivery = DigestDelivery.objects.create(subscriber=subscriber, period=period, since=since, until=now)
                delivery.summaries.set(summaries)
        except IntegrityError:  # another run created it a moment ago
            delivery = DigestDelivery.objects.get(subscriber=subscriber, period=period)
    if delivery.sent_at is not None:
        return "already_sent"
    if not _claim(delivery):
        return "busy"
    try:
        summaries = list(delivery.summaries.published().select_related("paper").order_by("-published_at", "-pk"))
        if not summaries:  # everything in it was unpublished since: send nothing, leave no trace
            delivery.delete()
            return "empty"
        count = len(summaries)
        _send(
            subscriber=subscriber,
            template="digest",
            subject=f"{conf.get('SITE_NAME')}: {count} new research summar{'y' if count == 1 else 'ies'}",
            context={"summaries": summaries, "since": delivery.since, "until": delivery.until},
        )
    except BaseException:
        DigestDelivery.objects.filter(pk=delivery.pk).update(claimed_at=None)  # free it for the next run
        raise
    DigestDelivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now(), claimed_at=None)
    return "sent"


def digests_send_all(*, now: datetime | None = None, dry_run: bool = False) -> dict:
    """Send this week's digest to every confirmed subscriber; safe to repeat or resume.

    Returns counts: ``sent`` (or, with ``dry_run``, would be sent), ``skipped`` (already
    sent this week, nothing new, or another run is sending it) and ``failed`` (the mail
    server refused; the next run retries those).
    """
    now = now or timezone.now()
    period = digest_period(now)
    counts = {"period": period, "sent": 0, "skipped": 0, "failed": 0, "dry_run": dry_run}
    for subscriber in Subscriber.objects.active().order_by("pk").prefetch_related("categories"):
        since = digest_since(subscriber=subscriber, now=now)
        if dry_run:
            delivery = DigestDelivery.objects.filter(subscriber=subscriber, period=period).first()
            would = (delivery.sent_at is None) if delivery else (
                digest_summaries(subscriber=subscriber, since=since, until=now).exists()
            )
            counts["sent" if would else "skipped"] += 1
            continue
        try:
            outcome = digest_send(subscriber=subscriber, since=since, now=now)
        except (smtplib.SMTPException, OSError) as exc:
            log.warning("digest to subscriber %s failed: %s", subscriber.pk, exc)
            counts["failed"] += 1
            continue
        counts["sent" if outcome == "sent" else "skipped"] += 1
    return counts
