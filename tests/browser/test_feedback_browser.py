"""Rating a summary in a real browser: keyboard only, with the JS enhancement and without JS."""

import pytest

from sciplain.web.models import Feedback
from sciplain.web.ratelimit import hit
from tests import factories
from tests.browser.conftest import axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STATUS = "#feedback-status"


def _tab_to(page, label: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => { const e = document.activeElement;"
                                " return (e.innerText || e.value || e.id || '').trim(); }")
        if focused == label:
            return
    raise AssertionError(f"never reached {label!r} with Tab")


def test_feedback_vote_with_keyboard_only_is_announced_without_reload(live_server, page):
    paper = factories.published_paper()
    page.goto(live_server.url + paper.get_absolute_url())
    page.evaluate("() => { window.__sameDocument = true; }")
    _tab_to(page, "fb-comment")
    page.keyboard.type("What does incomplete injury mean?")
    _tab_to(page, "No, it did not")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#feedback-status').innerText.includes('saved')")
    assert page.inner_text(STATUS).strip() == "Thank you. Your answer was saved."
    assert page.get_attribute(STATUS, "role") == "status"
    assert page.evaluate("() => window.__sameDocument") is True  # enhanced: no page load
    assert page.evaluate("() => document.activeElement.innerText.trim()") == "No, it did not"  # focus kept
    feedback = Feedback.objects.get()
    assert feedback.helpful is False and feedback.comment == "What does incomplete injury mean?"
    assert feedback.summary == paper.current_summary

    # Change the answer: still one vote. The page says "saved" once the server has answered, so the test reads
    # the database after that, not while the server thread is writing to it (SQLite would report the table locked).
    page.evaluate("() => { document.querySelector('#feedback-status').innerText = ''; }")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector('#feedback-status').innerText.includes('saved')")
    assert Feedback.objects.count() == 1
    assert Feedback.objects.get().helpful is True
    assert page.evaluate("() => window.__sameDocument") is True
    assert axe_violations(page) == []
    screenshot(page, "feedback-enhanced-1280")


def test_feedback_vote_works_without_javascript(live_server, browser):
    paper = factories.published_paper()
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        page.goto(live_server.url + paper.get_absolute_url())
        page.get_by_role("button", name="Yes, it helped").focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**voted=1**")
        assert "Thank you. Your answer was saved." in page.inner_text(STATUS)
        assert Feedback.objects.get().helpful is True
        screenshot(page, "feedback-no-js-375")
    finally:
        context.close()


def test_feedback_rate_limit_is_announced(live_server, page):
    paper = factories.published_paper()
    for _ in range(30):
        hit(scope="feedback", key="127.0.0.1", limit=30, period=600)
    page.goto(live_server.url + paper.get_absolute_url())
    page.get_by_role("button", name="Yes, it helped").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#feedback-status').innerText.includes('wait')")
    assert "Please wait about" in page.inner_text(STATUS)
    assert not Feedback.objects.exists()
