"""Contact form: stores the message, emails the editors over SMTP; CSRF, honeypot, duplicates, rate limit."""

import pytest
from django.test import Client
from django.urls import reverse

from sciplain.web.models import ContactMessage

pytestmark = pytest.mark.django_db

VALID = {"name": "Sam", "email": "sam@example.org", "subject": "A question", "message": "Is there a trial near me?"}


def _post(client, **changes):
    return client.post(reverse("web:contact"), {**VALID, **changes})


def test_contact_valid_message_is_stored_and_emailed_to_editors(client, smtp_server):
    response = _post(client)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thank you, Sam" in html and "Your message was sent to the editors" in html
    assert ContactMessage.objects.get().message == VALID["message"]
    [message] = smtp_server.messages
    assert message["To"] == "editors@localhost"
    assert message["Reply-To"] == "sam@example.org"
    assert "A question" in message["Subject"]
    assert VALID["message"] in message.get_content()


@pytest.mark.parametrize("field,value,error", [
    ("email", "not-an-email", "Enter a valid email address"),
    ("message", "", "This field is required"),
    ("name", "", "This field is required"),
    ("message", "x" * 5001, "at most 5000 characters"),
])
def test_contact_invalid_shows_the_error_and_keeps_the_text(client, smtp_server, field, value, error):
    response = _post(client, **{field: value})
    assert response.status_code == 400
    html = response.content.decode()
    assert error in html and 'role="alert"' in html
    assert "Is there a trial near me?" in html or field == "message"
    assert not ContactMessage.objects.exists() and smtp_server.messages == []


def test_contact_duplicate_submission_is_stored_and_sent_once(client, smtp_server):
    _post(client)
    response = _post(client)
    assert response.status_code == 200
    assert ContactMessage.objects.count() == 1
    assert len(smtp_server.messages) == 1


def test_contact_requires_csrf_token(smtp_server):
    response = Client(enforce_csrf_checks=True).post(reverse("web:contact"), VALID)
    assert response.status_code == 403
    assert not ContactMessage.objects.exists()


def test_contact_with_csrf_token_from_the_page_is_accepted(smtp_server):
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("web:contact"))
    response = _post(client, csrfmiddlewaretoken=client.cookies["csrftoken"].value)
    assert response.status_code == 200 and ContactMessage.objects.count() == 1


def test_contact_honeypot_thanks_the_bot_and_drops_the_message(client, smtp_server):
    response = _post(client, website="http://spam.example")
    assert response.status_code == 200
    assert not ContactMessage.objects.exists() and smtp_server.messages == []


def test_contact_is_rate_limited_per_ip_and_keeps_the_typed_message(client, smtp_server):
    for n in range(5):
        assert _post(client, message=f"Message number {n}").status_code == 200
    response = _post(client, message="My sixth, long and careful message")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait about" in html and "My sixth, long and careful message" in html
    assert int(response["Retry-After"]) <= 3600
    assert ContactMessage.objects.count() == 5
    elsewhere = client.post(reverse("web:contact"), {**VALID, "message": "From elsewhere"}, REMOTE_ADDR="10.9.8.7")
    assert elsewhere.status_code == 200


def test_contact_subject_with_a_newline_cannot_inject_headers(client, smtp_server):
    _post(client, subject="Hi\nBcc: victim@example.org")
    [message] = smtp_server.messages
    assert message["Bcc"] is None
    assert smtp_server.envelopes[0][1] == ["editors@localhost"]


def test_contact_stores_the_message_even_when_mail_is_down(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # nothing listens there
    assert _post(client).status_code == 200
    assert ContactMessage.objects.count() == 1
