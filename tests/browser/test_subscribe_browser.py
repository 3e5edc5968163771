"""Subscribe, confirm from the real email, get a digest, unsubscribe from it: all in a real browser."""

import pytest
from django.utils import timezone

from sciplain.subscriptions.models import Subscriber
from sciplain.subscriptions.services import digests_send_all, subscriber_signup
from sciplain.subscriptions.tokens import manage_url, unsubscribe_url
from sciplain.web.ratelimit import hit
from tests import factories
from tests.browser.conftest import axe_violations, screenshot
from tests.mailserver import link_to, parts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, monkeypatch):
    """Links in emails point at the live server."""
    monkeypatch.setenv("SCIPLAIN_SITE_URL", live_server.url)
    factories.category("Rehabilitation")
    factories.category("Pain Management")
    return live_server.url


def test_subscribe_confirm_digest_unsubscribe(site, page, smtp_server):
    page.goto(site + "/subscribe/")
    page.get_by_label("Your email address").fill("reader@example.org")
    page.get_by_label("Rehabilitation").check()
    page.get_by_role("button", name="Subscribe").press("Enter")
    page.wait_for_selector("h1:has-text('Check your email')")
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    [confirmation] = smtp_server.messages
    page.goto(link_to(parts(confirmation)[1], "/subscribe/confirm/"))  # the HTML part's link
    page.get_by_role("button", name="Confirm my subscription").click()
    page.wait_for_selector("h1:has-text('You are subscribed')")
    assert Subscriber.objects.get().status == Subscriber.Status.ACTIVE

    paper = factories.published_paper(title="Walking practice after spinal cord injury")
    smtp_server.clear()
    assert digests_send_all(now=timezone.now())["sent"] == 1
    [digest] = smtp_server.messages
    text, html = parts(digest)
    assert paper.title in text and paper.title in html

    page.goto(link_to(text, paper.get_absolute_url()))
    assert page.inner_text("h1") == paper.title

    page.goto(link_to(text, "/subscribe/unsubscribe/"))
    assert Subscriber.objects.get().status == Subscriber.Status.ACTIVE  # opening the link changes nothing
    page.get_by_role("button", name="Yes, unsubscribe me").click()
    page.wait_for_selector("h1:has-text('You are unsubscribed')")
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED
    screenshot(page, "unsubscribed-1280")


def test_preferences_page_changes_topics_with_keyboard(site, page, smtp_server):
    subscriber = subscriber_signup(email="reader@example.org")
    page.goto(manage_url(subscriber))
    page.get_by_label("Pain Management").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Save my topics").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Your choices were saved.")
    assert [c.name for c in Subscriber.objects.get().categories.all()] == ["Pain Management"]


def _pages(site, subscriber):
    return {
        "subscribe": site + "/subscribe/",
        "preferences": manage_url(subscriber),
        "contact": site + "/contact/",
    }


@pytest.mark.parametrize("name", ["subscribe", "preferences", "contact"])
def test_form_pages_have_no_axe_violations_at_1280_and_375(site, page, smtp_server, name):
    subscriber = subscriber_signup(email="reader@example.org")
    page.goto(_pages(site, subscriber)[name])
    assert axe_violations(page) == []
    screenshot(page, f"{name}-1280")
    page.set_viewport_size({"width": 375, "height": 800})
    assert axe_violations(page) == []
    screenshot(page, f"{name}-375")


def test_form_pages_with_errors_have_no_axe_violations(site, page, smtp_server):
    for path, button in [("/subscribe/", "Subscribe"), ("/contact/", "Send message")]:
        page.goto(site + path)
        page.get_by_role("button", name=button).click()
        page.wait_for_selector(".error-summary")
        assert axe_violations(page) == [], path
    for _ in range(5):
        hit(scope="contact", key="127.0.0.1", limit=5, period=3600)
    page.get_by_label("Your name").fill("Sam")
    page.get_by_label("Your email address").fill("sam@example.org")
    page.get_by_label("Message").fill("A long message I do not want to lose")
    page.get_by_role("button", name="Send message").click()
    page.wait_for_selector("h1:has-text('Please wait a moment')")
    assert "A long message I do not want to lose" in page.input_value("#kept-text")
    assert axe_violations(page) == []
    screenshot(page, "rate-limited-1280")


@pytest.mark.parametrize("step", ["confirm", "unsubscribe", "bad-link"])
def test_email_link_pages_have_no_axe_violations(site, page, smtp_server, step):
    subscriber = subscriber_signup(email="reader@example.org")
    url = {
        "confirm": link_to(parts(smtp_server.messages[0])[0], "/subscribe/confirm/"),
        "unsubscribe": unsubscribe_url(subscriber),
        "bad-link": site + "/subscribe/confirm/not-a-token/",
    }[step]
    page.goto(url)
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 375, "height": 800})
    assert axe_violations(page) == []
