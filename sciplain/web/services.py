"""Reader actions: feedback votes and contact messages."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Count, ExpressionWrapper, F, FloatField, Q
from django.utils import timezone

from sciplain import conf

from .models import ContactMessage, Feedback


def voter_hash(*, token: str, summary_id: int) -> str:
    """A per-summary, salted hash of the reader's random cookie token: one vote each, no identity kept."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{summary_id}:{token}".encode()).hexdigest()


def feedback_record(*, summary, helpful: bool, comment: str, token: str) -> tuple[Feedback, bool]:
    """Store (or change) a reader's vote on a summary version; returns (feedback, created)."""
    voter = voter_hash(token=token, summary_id=summary.pk)
    try:
        with transaction.atomic():
            return Feedback.objects.create(summary=summary, helpful=helpful, comment=comment, voter=voter), True
    except IntegrityError:
        feedback = Feedback.objects.get(summary=summary, voter=voter)
        feedback.helpful = helpful
        feedback.comment = comment or feedback.comment
        feedback.save(update_fields=["helpful", "comment"])
        return feedback, False


def summaries_by_helpfulness(queryset, *, min_votes: int = 1):
    """Summaries annotated with yes/no/total votes and the helpful share, least helpful first."""
    return (
        queryset.annotate(
            votes_yes=Count("feedback", filter=Q(feedback__helpful=True)),
            votes_no=Count("feedback", filter=Q(feedback__helpful=False)),
            votes=Count("feedback"),
        )
        .filter(votes__gte=max(min_votes, 1))
        .annotate(helpful_share=ExpressionWrapper(F("votes_yes") * 1.0 / F("votes"), output_field=FloatField()))
        .order_by("helpful_share", "-votes", "pk")
    )


CONTACT_DUPLICATE_WINDOW = timedelta(minutes=10)


def contact_message_send(*, name: str, email: str, subject: str, message: str) -> ContactMessage:
    """Store the message first (so nothing is lost if mail fails), then email the editors.

    The same message from the same address within a few minutes (a double click, a
    reload that re-posts) is stored and sent once.
    """
    duplicate = ContactMessage.objects.filter(
        email__iexact=email, message=message, created_at__gte=timezone.now() - CONTACT_DUPLICATE_WINDOW
    ).first()
    if duplicate:
        return duplicate
    stored = ContactMessage.objects.create(name=name, email=email, subject=subject, message=message)
    one_line_subject = " ".join(subject.split())  # a newline in a header would be refused
    EmailMessage(
        subject=f"[{conf.get('SITE_NAME')}] {one_line_subject or 'Contact form message'}",
        body=f"From: {name} <{email}>\n\n{message}",
        from_email=conf.get("FROM_EMAIL"),
        to=[conf.get("CONTACT_EMAIL")],
        reply_to=[email],
    ).send(fail_silently=True)  # stored above: editors see it in the admin even if mail is down
    return stored
