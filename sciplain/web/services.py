"""Reader actions: feedback votes and contact messages."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

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


def contact_message_send(*, name: str, email: str, subject: str, message: str) -> ContactMessage:
    """Store the message first (so nothing is lost if mail fails), then email the editors."""
    stored = ContactMessage.objects.create(name=name, email=email, subject=subject, message=message)
    send_mail(
        subject=f"[{conf.get('SITE_NAME')}] {subject or 'Contact form message'}",
        message=f"From: {name} <{email}>\n\n{message}",
        from_email=conf.get("FROM_EMAIL"),
        recipient_list=[conf.get("CONTACT_EMAIL")],
        fail_silently=True,
    )
    return stored
