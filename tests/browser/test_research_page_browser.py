"""A reader with a keyboard only can read and rate a research page; axe finds nothing to fix."""

import pytest

from tests import factories
from tests.browser.conftest import axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _focused(page) -> dict:
    return page.evaluate(
        "() => { const e = document.activeElement; const r = e.getBoundingClientRect();"
        " return {tag: e.tagName, text: (e.innerText || e.value || '').trim(), href: e.getAttribute('href'),"
        " outline: getComputedStyle(e).outlineStyle, w: r.width, h: r.height}; }"
    )


def test_research_page_is_usable_with_keyboard_only(live_server, page):
    paper = factories.published_paper()
    page.goto(live_server.url + paper.get_absolute_url())
    page.keyboard.press("Tab")
    first = _focused(page)
    assert first["text"] == "Skip to main content"
    assert first["outline"] != "none"  # visible focus

    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = _focused(page)
        seen.append(focused["text"])
        if focused["text"] == "Yes, it helped":
            break
    assert "Yes, it helped" in seen, seen
    assert any("Read it on PubMed" in t for t in seen)
    page.keyboard.press("Enter")
    page.wait_for_url("**voted=1**")
    page.get_by_text("Your answer was saved").wait_for()  # site.js shows it just after updating the address
    assert paper.current_summary.feedback.get().helpful is True
    screenshot(page, "research-page-1280")


def test_research_page_has_no_axe_violations(live_server, page):
    paper = factories.published_paper()
    page.goto(live_server.url + paper.get_absolute_url())
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 375, "height": 800})
    assert axe_violations(page) == []
    screenshot(page, "research-page-375")


@pytest.mark.parametrize("path", ["/", "/research/", "/categories/", "/about/", "/contact/", "/subscribe/", "/disclaimer/"])
def test_site_pages_have_no_axe_violations(live_server, page, path):
    factories.published_paper()
    page.goto(live_server.url + path)
    assert axe_violations(page) == []


def test_interactive_targets_are_at_least_44px(live_server, page):
    paper = factories.published_paper()
    page.goto(live_server.url + paper.get_absolute_url())
    small = page.evaluate(
        "() => [...document.querySelectorAll('main a, main button, header a, header button')]"
        ".filter(e => e.offsetParent !== null)"
        ".map(e => ({t: (e.innerText||'').trim(), h: e.getBoundingClientRect().height}))"
        ".filter(x => x.h < 44 && !x.t.startsWith('Skip'))"
    )
    assert small == []
