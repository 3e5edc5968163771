"""Signed links in emails: the link itself proves the reader holds the mailbox, so no accounts.

Confirmation links expire (a week), because they turn a typed-in address into a
subscription. Manage and unsubscribe links do not: an unsubscribe link in a year-old
digest must still work (RFC 8058), and it can only ever reduce what we send.
Each purpose has its own salt, so a token for one can never be replayed as another.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.core import signing
from django.urls import reverse

from sciplain import conf

CONFIRM_MAX_AGE = timedelta(days=7)
_CONFIRM = "sciplain.subscriptions.confirm"
_MANAGE = "sciplain.subscriptions.manage"


class BadToken(Exception):
    """The link was altered, belongs to another purpose, or (for confirmation) has expired."""

    def __init__(self, message: str, *, expired: bool = False):
        super().__init__(message)
        self.expired = expired


def email_digest(email: str) -> str:
    return hashlib.sha256(email.encode()).hexdigest()[:16]


def _payload(subscriber) -> dict:
    # A hash of the address is signed too, so a link stops working if the row ever holds
    # another address; the address itself stays out of URLs (and proxy logs).
    return {"id": subscriber.pk, "e": email_digest(subscriber.email)}


def confirm_token(subscriber) -> str:
    return signing.TimestampSigner(salt=_CONFIRM).sign_object(_payload(subscriber), compress=True)


def manage_token(subscriber) -> str:
    return signing.Signer(salt=_MANAGE).sign_object(_payload(subscriber), compress=True)


def read_confirm_token(token: str) -> dict:
    try:
        return signing.TimestampSigner(salt=_CONFIRM).unsign_object(token, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        raise BadToken("This confirmation link has expired.", expired=True) from None
    except signing.BadSignature:
        raise BadToken("This confirmation link is not valid.") from None


def read_manage_token(token: str) -> dict:
    try:
        return signing.Signer(salt=_MANAGE).unsign_object(token)
    except signing.BadSignature:
        raise BadToken("This link is not valid.") from None


def absolute(path: str) -> str:
    return conf.get("SITE_URL").rstrip("/") + path


def confirm_url(subscriber) -> str:
    return absolute(reverse("subscriptions:confirm", args=[confirm_token(subscriber)]))


def manage_url(subscriber) -> str:
    return absolute(reverse("subscriptions:manage", args=[manage_token(subscriber)]))


def unsubscribe_url(subscriber) -> str:
    return absolute(reverse("subscriptions:unsubscribe", args=[manage_token(subscriber)]))
