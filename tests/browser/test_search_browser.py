"""A keyboard-only reader searches from the header, narrows with filters, and axe finds nothing to fix."""

import pytest

from sciplain.papers.models import Summary
from sciplain.review.services import summary_save
from sciplain.summarize.evidence import evidence_for_design
from tests import factories
from tests.browser.conftest import axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def papers():
    people = factories.published_paper(title="Walking practice in adults", year=2024)
    rats = factories.paper(title="Walking recovery in rats", year=2022)
    summary_save(paper=rats, data=factories.summary_data(study_design="animal study",
                                                         evidence_level=evidence_for_design("animal study")),
                 status=Summary.Status.PUBLISHED)
    old_rats = factories.paper(title="Walking in rats, an older study", year=2012)
    summary_save(paper=old_rats, data=factories.summary_data(study_design="animal study",
                                                             evidence_level=evidence_for_design("animal study")),
                 status=Summary.Status.PUBLISHED)
    return {"people": people, "rats": rats, "old_rats": old_rats}


def _focused_id(page) -> str:
    return page.evaluate("() => document.activeElement.id || document.activeElement.name || ''")


def _tab_to(page, element_id: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if _focused_id(page) == element_id:
            return
    raise AssertionError(f"never reached #{element_id} with Tab")


def test_search_with_filters_using_the_keyboard_only(live_server, page, papers):
    page.goto(live_server.url + "/")
    _tab_to(page, "site-search-q")
    page.keyboard.type("walking")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=walking**")
    assert page.locator(".result-list > li").count() == 3
    assert page.locator("mark").first.inner_text().lower() == "walking"

    _tab_to(page, "search-kind")
    page.keyboard.type("Animal")  # type-ahead picks the option, as on any native select
    assert page.eval_on_selector("#search-kind", "e => e.value") == "animal"
    _tab_to(page, "search-year-from")
    page.keyboard.type("2020")
    _tab_to(page, "search-sort")
    page.keyboard.type("Newest")
    page.keyboard.press("Tab")  # to the Search button
    assert page.evaluate("() => document.activeElement.innerText") == "Search"
    page.keyboard.press("Enter")
    page.wait_for_url("**kind=animal**")
    assert "year_from=2020" in page.url and "sort=date" in page.url
    titles = page.locator(".result-list .card-title").all_inner_texts()
    assert titles == ["Walking recovery in rats"]
    assert page.locator("#search-kind").input_value() == "animal"  # the form remembers the filters

    target = papers["rats"].get_absolute_url()
    for _ in range(60):  # onwards, past the form, to the result
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.getAttribute('href')") == target:
            break
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{papers['rats'].get_absolute_url()}")


def test_search_page_has_no_axe_violations(live_server, page, papers):
    for query in ["?q=walking", "?q=walking&kind=human&year_from=2030", "?q=zebrafish+walking"]:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(live_server.url + "/search/" + query)
        assert axe_violations(page) == [], query
        page.set_viewport_size({"width": 375, "height": 800})
        assert axe_violations(page) == [], query
    screenshot(page, "search-375")


def test_research_page_citations_open_with_the_keyboard(live_server, page, papers):
    page.goto(live_server.url + papers["people"].get_absolute_url())
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.tagName") == "SUMMARY":
            break
    page.keyboard.press("Enter")
    assert page.eval_on_selector("details.cite-format", "e => e.open") is True
    assert page.locator("details.cite-format pre").first.is_visible()
    assert axe_violations(page) == []


def test_api_docs_page_has_no_axe_violations(live_server, page):
    page.goto(live_server.url + "/api/v1/")
    assert axe_violations(page) == []
