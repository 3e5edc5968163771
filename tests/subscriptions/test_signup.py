"""Double opt-in: subscribe, confirm by a signed link from a real email, manage, unsubscribe (RFC 8058)."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sciplain.subscriptions.models import Subscriber
from sciplain.subscriptions.services import subscriber_signup
from sciplain.subscriptions.tokens import confirm_url, manage_token, unsubscribe_url
from tests import factories
from tests.mailserver import link_to, parts, path_of

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/subscribe/"


def _subscribe(client, email="reader@example.org", **extra):
    return client.post(SUBSCRIBE, {"email": email, **extra})


def test_subscribe_form_creates_pending_subscriber_and_sends_confirmation(client, smtp_server):
    rehab = factories.category("Rehabilitation")
    response = _subscribe(client, email=" Reader@Example.org ", categories=[rehab.pk])
    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "reader@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert list(subscriber.categories.all()) == [rehab]
    [message] = smtp_server.messages
    assert message["To"] == "reader@example.org"
    assert smtp_server.envelopes[0][1] == ["reader@example.org"]
    text, html = parts(message)
    assert link_to(text, "/subscribe/confirm/") == link_to(html, "/subscribe/confirm/")


def test_subscribe_form_rejects_invalid_email(client, smtp_server):
    response = _subscribe(client, email="not-an-email")
    assert response.status_code == 400
    assert "Enter a valid email address" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert smtp_server.messages == []


def test_subscribe_form_duplicate_keeps_one_subscriber_and_one_email(client, smtp_server):
    _subscribe(client)
    response = _subscribe(client)
    assert response.status_code == 200
    assert Subscriber.objects.count() == 1
    assert len(smtp_server.messages) == 1  # a double-click does not send twice


def test_subscribe_resends_confirmation_after_a_pause(client, smtp_server):
    _subscribe(client)
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        _subscribe(client)
    assert len(smtp_server.messages) == 2


def test_subscribe_form_requires_csrf_token(smtp_server):
    response = Client(enforce_csrf_checks=True).post(SUBSCRIBE, {"email": "reader@example.org"})
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_subscribe_form_honeypot_drops_bots_silently(client, smtp_server):
    response = _subscribe(client, website="http://spam.example")
    assert response.status_code == 200
    assert not Subscriber.objects.exists() and smtp_server.messages == []


def test_subscribe_form_is_rate_limited_per_ip(client, smtp_server):
    for n in range(10):
        assert _subscribe(client, email=f"r{n}@example.org").status_code == 200
    response = _subscribe(client, email="one-more@example.org")
    assert response.status_code == 429
    assert "Please wait about" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert not Subscriber.objects.filter(email="one-more@example.org").exists()
    other_ip = client.post(SUBSCRIBE, {"email": "elsewhere@example.org"}, REMOTE_ADDR="10.0.0.9")
    assert other_ip.status_code == 200


def test_confirm_link_from_email_activates_after_pressing_confirm(client, smtp_server):
    _subscribe(client)
    url = path_of(link_to(parts(smtp_server.messages[0])[0], "/subscribe/confirm/"))
    page = client.get(url)
    assert page.status_code == 200 and "Confirm my subscription" in page.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING  # a mail scanner's GET changes nothing
    done = client.post(url)
    assert done.status_code == 200 and "You are subscribed" in done.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.ACTIVE and subscriber.confirmed_at


def test_confirm_link_expires_after_seven_days(client, smtp_server):
    subscriber = subscriber_signup(email="reader@example.org")
    url = path_of(confirm_url(subscriber))
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        response = client.post(url)
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


@pytest.mark.parametrize("tamper", [lambda t: t[:-2] + "xx", lambda t: "x" + t])
def test_confirm_link_rejects_tampered_token(client, smtp_server, tamper):
    subscriber = subscriber_signup(email="reader@example.org")
    token = confirm_url(subscriber).rstrip("/").rsplit("/", 1)[1]
    response = client.post(reverse("subscriptions:confirm", args=[tamper(token)]))
    assert response.status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_manage_token_cannot_confirm(client, smtp_server):
    subscriber = subscriber_signup(email="reader@example.org")
    response = client.post(reverse("subscriptions:confirm", args=[manage_token(subscriber)]))
    assert response.status_code == 400


def test_signup_of_active_address_does_not_change_topics_and_sends_manage_link(client, smtp_server):
    rehab, pain = factories.category("Rehabilitation"), factories.category("Pain Management")
    subscriber = subscriber_signup(email="reader@example.org", categories=[rehab])
    client.post(path_of(confirm_url(subscriber)))
    smtp_server.clear()
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        _subscribe(client, categories=[pain.pk])
    assert list(Subscriber.objects.get().categories.all()) == [rehab]
    [message] = smtp_server.messages
    assert "already subscribed" in message["Subject"]
    assert "/subscribe/manage/" in parts(message)[0]


def test_every_subscription_email_has_rfc8058_unsubscribe_headers(client, smtp_server):
    _subscribe(client)
    [message] = smtp_server.messages
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header_url = re.sub(r"\s", "", message["List-Unsubscribe"]).strip("<>")
    assert "/subscribe/unsubscribe/" in header_url
    text, html = parts(message)
    assert header_url in text and header_url in html


def test_one_click_unsubscribe_post_without_csrf_token(smtp_server):
    subscriber = subscriber_signup(email="reader@example.org")
    Subscriber.objects.filter(pk=subscriber.pk).update(status=Subscriber.Status.ACTIVE)
    mail_client = Client(enforce_csrf_checks=True)  # a mail client has no CSRF token
    response = mail_client.post(path_of(unsubscribe_url(subscriber)), "List-Unsubscribe=One-Click",
                                content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_unsubscribe_get_asks_before_unsubscribing(client, smtp_server):
    subscriber = subscriber_signup(email="reader@example.org")
    Subscriber.objects.filter(pk=subscriber.pk).update(status=Subscriber.Status.ACTIVE)
    page = client.get(path_of(unsubscribe_url(subscriber)))
    assert page.status_code == 200 and "Yes, unsubscribe me" in page.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.ACTIVE


def test_unsubscribe_rejects_tampered_token(client):
    response = client.post(reverse("subscriptions:unsubscribe", args=["eyJpZCI6MX0:bad"]))
    assert response.status_code == 400


def test_manage_page_changes_topics(client, smtp_server):
    rehab, pain = factories.category("Rehabilitation"), factories.category("Pain Management")
    subscriber = subscriber_signup(email="reader@example.org", categories=[rehab])
    url = reverse("subscriptions:manage", args=[manage_token(subscriber)])
    page = client.get(url).content.decode()
    assert "reader@example.org" in page and "checked" in page
    response = client.post(url, {"categories": [pain.pk], "save": "1"})
    assert response.status_code == 200 and "Your choices were saved" in response.content.decode()
    assert list(Subscriber.objects.get().categories.all()) == [pain]


def test_manage_page_requires_csrf_token(smtp_server):
    subscriber = subscriber_signup(email="reader@example.org")
    url = reverse("subscriptions:manage", args=[manage_token(subscriber)])
    response = Client(enforce_csrf_checks=True).post(url, {"categories": []})
    assert response.status_code == 403


def test_manage_page_rejects_unknown_category(client, smtp_server):
    subscriber = subscriber_signup(email="reader@example.org")
    url = reverse("subscriptions:manage", args=[manage_token(subscriber)])
    assert client.post(url, {"categories": [99999]}).status_code == 400


def test_manage_page_resubscribes_an_unsubscribed_reader(client, smtp_server):
    subscriber = subscriber_signup(email="reader@example.org")
    client.post(path_of(unsubscribe_url(subscriber)))
    url = reverse("subscriptions:manage", args=[manage_token(subscriber)])
    client.post(url, {"resubscribe": "1"})
    assert Subscriber.objects.get().status == Subscriber.Status.ACTIVE


def test_unsubscribed_address_becomes_pending_on_new_signup(client, smtp_server):
    subscriber = subscriber_signup(email="reader@example.org")
    client.post(path_of(unsubscribe_url(subscriber)))
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        _subscribe(client)
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
