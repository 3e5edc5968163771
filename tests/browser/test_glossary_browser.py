"""A keyboard-only reader opens a word's explanation on a research page; the glossary page passes axe."""

import pytest

from sciplain.summarize.types import GlossaryTerm
from tests import factories
from tests.browser.conftest import axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SPASTICITY = "Muscle stiffness and tight muscles that can make moving harder."


@pytest.fixture
def paper_with_terms():
    return factories.published_paper(factories.summary_data(glossary=[
        GlossaryTerm(term="spasticity", definition=SPASTICITY),
        GlossaryTerm(term="randomized controlled trial", definition="A fair test that splits people into groups by chance."),
    ]))


def _focused(page) -> dict:
    return page.evaluate("() => ({tag: document.activeElement.tagName, text: document.activeElement.innerText.trim(),"
                         " outline: getComputedStyle(document.activeElement).outlineStyle})")


def _tab_to_summary(page, text: str, limit: int = 80) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if focused["tag"] == "SUMMARY" and focused["text"] == text:
            return focused
    raise AssertionError(f"never reached the <summary> {text!r} with Tab")


def test_glossary_term_opens_with_the_keyboard_on_a_research_page(live_server, page, paper_with_terms):
    page.goto(live_server.url + paper_with_terms.get_absolute_url())
    definition = page.locator("details.glossary-term", has_text="spasticity").get_by_text(SPASTICITY)
    assert not definition.is_visible()

    focused = _tab_to_summary(page, "spasticity")
    assert focused["outline"] != "none"  # the reader can see where the keyboard is
    page.keyboard.press("Enter")
    definition.wait_for(state="visible")
    assert page.eval_on_selector("details.glossary-term:has(summary:text-is('spasticity'))", "d => d.open")

    page.keyboard.press("Tab")  # the next stop is the link into the full glossary
    assert _focused(page)["text"] == "“spasticity” in the glossary"
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary/#term-spasticity")
    assert page.evaluate("() => document.querySelector(':target').textContent") == "spasticity"
    assert page.locator("#term-spasticity").is_visible()


def test_glossary_term_closes_again_with_space(live_server, page, paper_with_terms):
    page.goto(live_server.url + paper_with_terms.get_absolute_url())
    _tab_to_summary(page, "randomized controlled trial")
    page.keyboard.press("Space")
    details = "details.glossary-term:has(summary:text-is('randomized controlled trial'))"
    assert page.eval_on_selector(details, "d => d.open")
    page.keyboard.press("Space")
    assert not page.eval_on_selector(details, "d => d.open")


def test_research_page_with_open_glossary_terms_has_no_axe_violations(live_server, page, paper_with_terms):
    page.goto(live_server.url + paper_with_terms.get_absolute_url())
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert axe_violations(page) == []


def test_glossary_page_has_no_axe_violations(live_server, page):
    page.goto(live_server.url + "/glossary/")
    assert axe_violations(page) == []
    page.goto(live_server.url + "/glossary/?q=bladder")
    assert axe_violations(page) == []
    screenshot(page, "glossary-filtered-1280")  # the whole A–Z page would be a 10 MB picture


def test_glossary_filter_and_letter_index_work_with_the_keyboard(live_server, page):
    page.goto(live_server.url + "/glossary/")
    page.focus("#glossary-q")
    page.keyboard.type("bladder")
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary/?q=bladder")
    assert page.locator("dfn").count() > 3
    assert page.locator("dfn", has_text="abdominal muscles").count() == 0

    page.goto(live_server.url + "/glossary/")
    page.focus("a[href='#letter-s']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary/#letter-s")
    assert page.evaluate("() => document.getElementById('letter-s').getBoundingClientRect().top") < 100
